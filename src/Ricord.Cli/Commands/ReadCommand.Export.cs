using System.CommandLine;
using System.Globalization;
using Ricord.Annotation.Mdai;
using Ricord.Annotation.Projects;
using Ricord.Hosting;

namespace Ricord.Cli.Commands;

public static partial class ReadCommand
{
    private static Command Export()
    {
        var project = new Option<string>("--project") { Description = "The reading project.", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "The MD.ai JSON file to write.", Required = true };
        var drafts = new Option<bool>("--include-drafts") { Description = "Also export reads saved but not submitted." };
        var force = new Option<bool>("--force") { Description = "Overwrite the output file if it exists." };
        var actor = ActorOption();
        var data = CliData.CreateOption();
        var cmd = new Command("export",
            "Write a project's submitted reads as an MD.ai annotation export: one label group per reader (named after the user), adjudications under " +
            "'Adjudication', catalog UIDs. `ricord read import` takes it back. Exit codes: 0 written, 2 unknown project, 4 the output file exists (without --force), 1 usage.")
        {
            project, output, drafts, force, actor, data,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            using RicordDataDirectory? dir = await CliData.OpenExistingAsync(parse.GetValue(data)!, parse.InvocationConfiguration.Error, ct).ConfigureAwait(false);
            if (dir is null)
            {
                return ExitCodes.FileNotFound;
            }

            var file = parse.GetValue(output)!;
            if (file.Exists && !parse.GetValue(force))
            {
                parse.InvocationConfiguration.Error.WriteLine($"ricord read export: {file.Name} exists; pass --force to overwrite it");
                return ExitCodes.OutputNotEmpty;
            }

            try
            {
                var curator = await CuratorAsync(dir, parse.GetValue(actor)!, ct).ConfigureAwait(false);
                var export = await new ReadExportService(ReadingDefaults.Options(dir.CatalogOptions))
                    .ExportAsync(curator, parse.GetValue(project)!, parse.GetValue(drafts), ct).ConfigureAwait(false);
                file.Directory?.Create();
                MdaiJsonWriter.WriteFile(export, file.FullName, ct);
                var annotations = export.Annotations.ToList();
                parse.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wrote {file.Name}: {annotations.Count} annotations of {annotations.Select(a => a.StudyInstanceUid).Distinct().Count()} studies in {export.LabelGroups.Count} label groups"));
                return ExitCodes.Success;
            }
            catch (Exception e) when (e is ReadingException or ReadingAccessException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"ricord read export: {e.Message}");
                return ExitCodes.InvalidInput;
            }
        });
        return cmd;
    }
}
