using System.CommandLine;
using Ricord.Deid;
using Ricord.Ingest;

namespace Ricord.Cli.Commands;

/// <summary>
/// `ricord deid IN OUT --collection C --site S`: de-identifies a folder at a site, writing
/// OUT/&lt;pseudonym&gt;/&lt;study&gt;/&lt;series&gt;/&lt;sop&gt;.dcm and keeping the link table local (outside OUT),
/// so PHI need not leave the hospital. Nothing it prints names an input path or value: input folders
/// are often named after patients.
/// </summary>
public static class DeidCommand
{
    public static Command Create()
    {
        var input = new Argument<DirectoryInfo?>("IN") { Description = "Folder of DICOM files (searched recursively)", Arity = ArgumentArity.ZeroOrOne };
        var output = new Argument<DirectoryInfo?>("OUT") { Description = "Folder for de-identified files", Arity = ArgumentArity.ZeroOrOne };
        var collection = CliCodes.Collection(new Option<string?>("--collection") { Description = "Collection code, e.g. RICORD-1A" });
        var site = CliCodes.Site(new Option<string?>("--site") { Description = "Site code, e.g. 419639" });
        var profile = new Option<string?>("--profile") { Description = "Built-in profile name (ricord, strict) or a profile JSON file (default: ricord)" };
        var linkTable = new Option<FileInfo?>("--link-table") { Description = "Link table file (default: OUT/../link.db); keep it secret" };
        var printProfile = new Option<bool>("--print-profile") { Description = "Print the default profile as JSON and exit" };

        var command = new Command("deid", "De-identify DICOM files (PS3.15 Annex E) into a folder, keeping the link table local. Nothing printed names an input path. Exit codes: 0 every file written, 5 some held for review, not DICOM or failed, 1 usage (also: OUT inside IN, link table inside IN or OUT), 2 invalid profile, 3 IN not found.")
        {
            input, output, collection, site, profile, linkTable, printProfile,
        };
        command.SetAction(parse =>
        {
            var (stdout, stderr) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            if (parse.GetValue(printProfile))
            {
                stdout.WriteLine((parse.GetValue(profile) is { } p ? DeidProfile.Resolve(p) : DeidProfile.Ricord).ToJson());
                return ExitCodes.Success;
            }

            var (inDir, outArg, code, siteCode) = (parse.GetValue(input), parse.GetValue(output), parse.GetValue(collection), parse.GetValue(site));
            if (inDir is null || outArg is null || string.IsNullOrEmpty(code) || string.IsNullOrEmpty(siteCode))
            {
                stderr.WriteLine("error: usage: ricord deid IN OUT --collection C --site S [--profile ricord|strict|FILE.json] [--link-table PATH]");
                return ExitCodes.Usage;
            }

            string outDir = Path.GetFullPath(outArg.FullName);
            string linkPath = parse.GetValue(linkTable)?.FullName ?? Path.Combine(Path.GetDirectoryName(outDir.TrimEnd(Path.DirectorySeparatorChar)) ?? outDir, "link.db");
            try
            {
                var request = new DeidFolderRequest(inDir.FullName, outDir, linkPath, code, siteCode, parse.GetValue(profile));
                return Render(DeidFolder.Run(request, stderr.WriteLine), stdout);
            }
            catch (DeidFolderRefusedException ex)
            {
                stderr.WriteLine($"error: {ex.Message}");
                return ex.InputMissing ? ExitCodes.FileNotFound : ExitCodes.Usage;
            }
            catch (DeidentificationException ex)
            {
                stderr.WriteLine($"error: {ex.Message}");
                return ExitCodes.InvalidInput;
            }
        });
        return command;
    }

    private static int Render(DeidFolderResult r, TextWriter stdout)
    {
        stdout.WriteLine($"files: {r.Seen}, written: {r.Written}, quarantined for review: {r.Quarantined}, not DICOM: {r.NotDicom}, failed: {r.Failed}");
        DeidSummary.Write(CliProgress.Console(stdout), r.ResidualHits, r.BinaryRemoved);
        stdout.WriteLine($"link table: {r.LinkTablePath} (keep it at the site; never send it)");
        if (r.Quarantined > 0)
        {
            stdout.WriteLine($"held for review: {r.ReviewFolder} (burned-in text risk; keep at the site, copy to OUT only what a person has cleared)");
        }

        // As ingest: 5 when some files were not written as de-identified output (held for review, not DICOM, failed).
        return r.Written == r.Seen ? ExitCodes.Success : ExitCodes.PartialSuccess;
    }
}
