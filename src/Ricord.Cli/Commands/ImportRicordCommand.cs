using System.CommandLine;
using System.Globalization;
using Ricord.Annotation.Import;
using Ricord.Annotation.Mdai;
using Ricord.Annotation.Projects;
using Ricord.Annotation.Schemas;
using Ricord.Clinical;
using Ricord.Ingest;

namespace Ricord.Cli.Commands;

/// <summary>
/// <c>ricord import-ricord</c>: a published RICORD release (MD.ai export + DICOM as TCIA or MD.ai lays it out) into the
/// catalog: plan (slice order, placement by SOPInstanceUID, unknown UIDs), ingest, clinical sheet, project, reads.
/// </summary>
public static partial class ImportRicordCommand
{
    public static Command Create()
    {
        var annotations = new Option<FileInfo>("--annotations") { Description = "The release's MD.ai annotation export: JSON, plain or zipped under any name (e.g. *.json_.zip).", Required = true };
        var images = new Option<DirectoryInfo>("--images") { Description = "The release's DICOM folder: a TCIA/NBIA manifest download (with metadata.csv), MD.ai's <Study>/<Series>/<SOP>.dcm layout, or any folder of DICOM files.", Required = true };
        var clinical = new Option<FileInfo?>("--clinical") { Description = "The release's clinical sheet (CSV or XLSX), imported for the site(s)." };
        var collection = CliCodes.Collection(new Option<string?>("--collection") { Description = "Collection to add to (default: from the PatientIDs, MIDRC-RICORD-1A/1B/1C)." });
        var site = CliCodes.Site(new Option<string?>("--site") { Description = "Site code for every file (default: from each PatientID, MIDRC-RICORD-1x-<site>-<n>)." });
        var project = new Option<string?>("--project") { Description = "Reading project for the reads (default: <collection>-reads); made if new, reused if it exists." };
        var schema = new Option<string?>("--schema") { Description = "Label schema (default: the built-in one whose labels the export uses)." };
        schema.AcceptOnlyFromAmong(BuiltinSchemas.RicordCt, BuiltinSchemas.RicordCxr);
        var readerKey = new Option<string>("--reader-key") { Description = "Who a reader is: the label group or the annotation's creator.", DefaultValueFactory = _ => "group" };
        readerKey.AcceptOnlyFromAmong("group", "creator");
        var parallel = new Option<int>("--parallel") { Description = "Instances ingested at once.", DefaultValueFactory = _ => Math.Max(2, Environment.ProcessorCount) };
        var withdrawn = new Option<FileInfo?>("--withdrawn")
        {
            Description = "TCIA's withdrawn list (Study/Series Instance UIDs one a line, or its CSV): those studies and series are left out of the import, " +
                "and removed from the catalog where an earlier import stored them (rows, reads, blobs; audited); how many of each is printed.",
        };
        var deidentify = new Option<bool>("--deidentify")
        {
            Description = "Run the full de-identification profile (pseudonyms, remapped UIDs, shifted dates) for a private copy, instead of keeping the release's identifiers as published.",
        };
        var actor = new Option<string>("--as") { Description = "Curator recorded in the audit trail (made one if needed). Default: the login name.", DefaultValueFactory = _ => Environment.UserName };
        var data = CliData.CreateOption();
        var command = new Command("import-ricord",
            "Load a published RICORD release: plan the annotations against the images (geometric slice order, placement by SOPInstanceUID, " +
            "unknown UIDs), ingest the images keeping StudyInstanceUID, SeriesInstanceUID, SOPInstanceUID, PatientID and dates exactly as published " +
            "(the collection is recorded as \"public, identifiers as published\"; with --deidentify the full profile runs and the annotations' UIDs are remapped the same way), import the clinical sheet, " +
            "create the reading project and import the reads exactly as the release has them (no read assigned to anyone; a conflicting or out-of-scope " +
            "label is kept and flagged; an annotation on an instance not in the images is skipped alone). No path of the release's files and no PatientID is " +
            "printed; annotations are named by their MD.ai id, flagged reads by study UID and reader. Exit codes: 0 everything placed and stored, " +
            "5 the plan is incomplete, or something was quarantined, rejected or conflicting, 2 invalid input, 3 file not found, 1 usage.")
        {
            annotations, images, clinical, withdrawn, collection, site, project, schema, readerKey, parallel, deidentify, actor, data,
        };
        command.SetAction((parse, ct) => RunAsync(new Request(
            parse.GetValue(annotations)!, parse.GetValue(images)!, parse.GetValue(clinical), parse.GetValue(withdrawn), parse.GetValue(collection), parse.GetValue(site),
            parse.GetValue(project), parse.GetValue(schema), parse.GetValue(readerKey) == "creator" ? MdaiReaderKey.ByCreator : MdaiReaderKey.ByGroup,
            Math.Max(1, parse.GetValue(parallel)), parse.GetValue(deidentify), parse.GetValue(actor)!, parse.GetValue(data)!),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    private static async Task<int> RunAsync(Request r, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (!r.Annotations.Exists || !r.Images.Exists || r.Clinical is { Exists: false } || r.Withdrawn is { Exists: false })
        {
            string what = !r.Annotations.Exists ? "annotations file" : !r.Images.Exists ? "images folder" : r.Clinical is { Exists: false } ? "clinical file" : "withdrawn list";
            stderr.WriteLine($"ricord import-ricord: the {what} does not exist");
            return ExitCodes.FileNotFound;
        }

        MdaiExport export;
        LabelSchema schema;
        ImageIndex index;
        IReadOnlySet<string>? withdrawn = null;
        try
        {
            export = MdaiJsonReader.ReadFile(r.Annotations.FullName, ct);
            schema = BuiltinSchemas.Get(r.Schema ?? DetectSchema(export))!;
            index = ImageIndexer.Index(r.Images.FullName, 0, ct);
            if (r.Withdrawn is { } list)
            {
                withdrawn = WithdrawnList.Read(list.FullName);
                var kept = index.Without(withdrawn);
                export = export.Without(withdrawn, out int annotations);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"withdrawn: {withdrawn.Count} UIDs listed; left out {index.Studies.Count - kept.Studies.Count} studies, {index.Instances.Count - kept.Instances.Count} instances, {annotations} annotations"));
                index = kept;
            }
        }
        catch (Exception e) when (e is MdaiFormatException or InvalidDataException)
        {
            stderr.WriteLine($"ricord import-ricord: {e.Message}");
            return ExitCodes.InvalidInput;
        }

        var conversion = new MdaiConversionOptions { ReaderKey = r.ReaderKey };
        var plan = ReleaseImporter.Plan(export, index, schema, new ReleaseImportOptions { Conversion = conversion, BuildMasks = false }, ct);
        PrintPlan(plan, index, schema, stdout);
        if (Sites(index, r, stderr) is not { } sites)
        {
            return ExitCodes.InvalidInput;
        }

        string collection = sites.Values.First().Collection;
        if (await CheckCatalogAsync(r, collection, ct).ConfigureAwait(false) is { } conflict)
        {
            stderr.WriteLine($"ricord import-ricord: {conflict}");
            return ExitCodes.InvalidInput;
        }

        if (withdrawn is not null)
        {
            await WithdrawAsync(r, collection, withdrawn, stdout, ct).ConfigureAwait(false);
        }

        bool partial = !plan.Complete;
        foreach (var (site, files) in sites)
        {
            stdout.WriteLine($"ingest: site {site}, collection {files.Collection}, {files.Paths.Count} instances");
            int code = await IngestCommand.RunAsync([.. files.Paths], files.Collection, site, r.Parallel, r.Data, stdout, stderr, ct, identifiers: r.Identifiers).ConfigureAwait(false);
            partial |= code != ExitCodes.Success;
            if (code is not (ExitCodes.Success or ExitCodes.PartialSuccess))
            {
                return code;
            }
        }

        if (r.Clinical is { } clinical)
        {
            // A release has one clinical sheet for all its sites: one import, each row stored for the site that links its MRN.
            var options = new ClinicalImportOptions
            {
                SiteCodes = [.. sites.Keys.Order(StringComparer.Ordinal)], Collection = collection, SourceName = clinical.Name.Trim(),
                IdentifiersAsPublished = r.Identifiers == IdentifierMode.AsPublished,
            };
            int code = await ClinicalCommand.RunImportAsync(clinical, options, null, r.Data, stdout, stderr, columns: false, ct).ConfigureAwait(false);
            partial |= code != ExitCodes.Success;
        }

        try
        {
            var report = await LoadReadsAsync(r, plan, schema, collection, stdout, ct).ConfigureAwait(false);
            ReadCommand.Summarize(report, stdout);
            partial |= ReadCommand.ExitCode(report) != ExitCodes.Success;
        }
        catch (Exception e) when (e is ReadingException or ReadingAccessException or ReadConcurrencyException)
        {
            stderr.WriteLine($"ricord import-ricord: {e.Message}");
            return ExitCodes.InvalidInput;
        }

        stdout.WriteLine(partial ? "import-ricord: done, with the problems above" : "import-ricord: complete");
        return partial ? ExitCodes.PartialSuccess : ExitCodes.Success;
    }

    private sealed record Request(FileInfo Annotations, DirectoryInfo Images, FileInfo? Clinical, FileInfo? Withdrawn, string? Collection, string? Site, string? Project,
        string? Schema, MdaiReaderKey ReaderKey, int Parallel, bool Deidentify, string Actor, DirectoryInfo Data)
    {
        public IdentifierMode Identifiers => Deidentify ? IdentifierMode.Deidentify : IdentifierMode.AsPublished;
    }
}
