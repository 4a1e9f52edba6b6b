using Ricord.Annotation.Import;
using Ricord.Annotation.Projects;
using Ricord.Annotation.Schemas;
using Ricord.Hosting;
using Ricord.Ingest;

namespace Ricord.Cli.Commands;

public static partial class ImportRicordCommand
{
    /// <summary>Schema stored, project made (or reused), reads remapped to the ingested UIDs and imported.</summary>
    private static async Task<ReadImportReport> LoadReadsAsync(Request r, ReleaseImportPlan plan, LabelSchema schema, string collection, TextWriter stdout, CancellationToken ct)
    {
        using RicordDataDirectory dir = await CliData.OpenAsync(r.Data, ct).ConfigureAwait(false);
        var options = ReadingDefaults.Options(dir.CatalogOptions);
        var curator = await ReadCommand.CuratorAsync(dir, r.Actor, ct).ConfigureAwait(false);
        await new SchemaStore(dir.CatalogOptions).ImportAsync(BuiltinSchemas.Json(schema.Name)!, r.Actor, ct).ConfigureAwait(false);
        string name = r.Project ?? collection + "-reads";
        var projects = new ReadingProjectService(options);
        if (await ExistingProjectAsync(projects, curator, name, ct).ConfigureAwait(false) is { } status)
        {
            if (status.Collection != collection || status.SchemaName != schema.Name)
            {
                throw new ReadingException($"Project '{name}' exists for {status.Collection} with schema {status.SchemaName}, not {collection} with {schema.Name}; name another with --project.");
            }

            // The release's reads are the project's: new studies join it, nobody is assigned a read.
            var assigned = await projects.AssignAsync(curator, name, rebalance: false, ct).ConfigureAwait(false);
            stdout.WriteLine($"project {name}: exists, {assigned.Studies} studies");
        }
        else
        {
            var created = await projects.CreateProjectAsync(curator, new ReadingProjectDefinition(name, collection, schema.Name), ct).ConfigureAwait(false);
            stdout.WriteLine($"project {name}: created, {created.Studies} studies of {collection}, schema {schema.Name} v{schema.Version}");
        }

        var map = r.Identifiers == IdentifierMode.AsPublished ? (uid => uid) : ReadImportOptions.OriginalUids(dir.LinkTable);
        var reads = plan.Reads.Select(x => x.MapUids(map)).ToList();
        var service = new ReadImportService(options);
        var importOptions = new ReadImportOptions { Source = r.Annotations.Name, AsPublished = true };
        var report = await ReadCommand.TrackAsync(stdout, progress => service.ImportAsync(curator, name, reads, importOptions, progress, ct)).ConfigureAwait(false);
        return report with { Conversion = plan.Conversion };
    }

    private static async Task<ProjectStatus?> ExistingProjectAsync(ReadingProjectService projects, ReadingActor curator, string name, CancellationToken ct)
    {
        try
        {
            return await projects.GetStatusAsync(curator, name, ct).ConfigureAwait(false);
        }
        catch (ReadingException)
        {
            return null;
        }
    }
}
