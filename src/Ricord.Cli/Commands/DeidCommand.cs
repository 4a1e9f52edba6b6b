using System.CommandLine;
using Ricord.Deid;
using Ricord.Dicom;
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

            var request = new DeidFolderRequest(
                parse.GetValue(input), parse.GetValue(output), parse.GetValue(collection), parse.GetValue(site), parse.GetValue(profile), parse.GetValue(linkTable));
            try
            {
                return Run(request, stdout, stderr);
            }
            catch (DeidentificationException ex)
            {
                stderr.WriteLine($"error: {ex.Message}");
                return ExitCodes.InvalidInput;
            }
        });
        return command;
    }

    private sealed record DeidFolderRequest(DirectoryInfo? In, DirectoryInfo? Out, string? Collection, string? Site, string? Profile, FileInfo? LinkTable);

    private static int Run(DeidFolderRequest r, TextWriter stdout, TextWriter stderr)
    {
        if (r.In is null || r.Out is null || string.IsNullOrEmpty(r.Collection) || string.IsNullOrEmpty(r.Site))
        {
            stderr.WriteLine("error: usage: ricord deid IN OUT --collection C --site S [--profile ricord|strict|FILE.json] [--link-table PATH]");
            return ExitCodes.Usage;
        }

        if (!r.In.Exists)
        {
            stderr.WriteLine("error: the input folder does not exist");
            return ExitCodes.FileNotFound;
        }

        string outDir = Path.GetFullPath(r.Out.FullName);
        string linkPath = r.LinkTable?.FullName ?? Path.Combine(Path.GetDirectoryName(outDir.TrimEnd(Path.DirectorySeparatorChar)) ?? outDir, "link.db");
        if (IsInside(linkPath, outDir) || IsInside(linkPath, r.In.FullName))
        {
            stderr.WriteLine("error: the link table must not be inside IN or OUT (OUT is what leaves the site)");
            return ExitCodes.Usage;
        }

        if (IsInside(outDir, r.In.FullName))
        {
            stderr.WriteLine("error: OUT must not be inside IN: the next run would de-identify its own output again");
            return ExitCodes.Usage;
        }

        // Files held for review may show identifying text in their pixels: they stay at the site with the link table,
        // never in OUT (what leaves the site).
        string reviewDir = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(linkPath))!, "review");
        if (IsInside(reviewDir, outDir) || IsInside(outDir, reviewDir) || IsInside(reviewDir, r.In.FullName))
        {
            stderr.WriteLine("error: the review folder beside the link table must be apart from IN and OUT; choose another --link-table");
            return ExitCodes.Usage;
        }

        var engine = new Deidentifier(r.Profile is null ? null : DeidProfile.Resolve(r.Profile));
        using var table = new SqliteLinkTable(linkPath);
        var context = new DeidContext(table, r.Collection, r.Site);
        var counts = new DeidCounts();
        // The same files ingest would take from IN (hidden ones too; unreadable folders skipped).
        foreach (var path in IngestSource.FolderFiles(r.In.FullName))
        {
            counts.Seen++;
            DeidentifyOne(engine, context, path, outDir, reviewDir, counts, stderr);
        }

        stdout.WriteLine($"files: {counts.Seen}, written: {counts.Written}, quarantined for review: {counts.Quarantined}, not DICOM: {counts.NotDicom}, failed: {counts.Failed}");
        DeidSummary.Write(CliProgress.Console(stdout), counts.ResidualHits, counts.BinaryRemoved);
        stdout.WriteLine($"link table: {table.Path} (keep it at the site; never send it)");
        if (counts.Quarantined > 0)
        {
            stdout.WriteLine($"held for review: {reviewDir} (burned-in text risk; keep at the site, copy to OUT only what a person has cleared)");
        }
        // As ingest: 5 when some files were not written as de-identified output (held for review, not DICOM, failed).
        return counts.Written == counts.Seen ? ExitCodes.Success : ExitCodes.PartialSuccess;
    }

    private static void DeidentifyOne(Deidentifier engine, DeidContext context, string path, string outDir, string reviewDir, DeidCounts counts, TextWriter stderr)
    {
        DicomFile file;
        try
        {
            file = DicomFile.Open(path);
        }
        catch (DicomFormatException)
        {
            counts.NotDicom++;
            return;
        }
        catch (Exception ex) when (InputErrors.IsInputError(ex))
        {
            // A pipe, a device, no permission: reported by number (paths may name patients), and the walk goes on.
            counts.Failed++;
            stderr.WriteLine($"failed: file #{counts.Seen} cannot be read: {InputErrors.Describe(ex, path)}");
            return;
        }

        try
        {
            var result = engine.Apply(file, context, out var deidentified);
            counts.Add(result.Findings);
            var ds = deidentified.Dataset;
            string relative = Path.Combine(
                result.Pseudonym,
                ds.GetString(new DicomTag(0x0020000D)) ?? "no-study",
                ds.GetString(new DicomTag(0x0020000E)) ?? "no-series",
                (ds.GetString(new DicomTag(0x00080018)) ?? $"instance-{counts.Seen}") + ".dcm");
            string target = Path.Combine(result.NeedsReview ? reviewDir : outDir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            deidentified.Save(target);
            if (result.NeedsReview)
            {
                counts.Quarantined++;
                stderr.WriteLine($"review: file #{counts.Seen} → the review folder beside the link table (not OUT): {result.ReviewReason}");
            }
            else
            {
                counts.Written++;
            }
        }
        catch (DeidentificationException ex)
        {
            counts.Failed++;
            stderr.WriteLine($"failed: file #{counts.Seen}: {ex.Message}");
        }
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> itself or lies below it.</summary>
    private static bool IsInside(string path, string folder)
    {
        string f = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return (Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).StartsWith(f, StringComparison.Ordinal);
    }

    private sealed class DeidCounts
    {
        public int Seen { get; set; }

        public int Written { get; set; }

        public int Quarantined { get; set; }

        public int NotDicom { get; set; }

        public int Failed { get; set; }

        public Dictionary<string, long> ResidualHits { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long> BinaryRemoved { get; } = new(StringComparer.Ordinal);

        public void Add(DeidFindings findings)
        {
            foreach (var (path, n) in findings.ResidualHits)
            {
                ResidualHits[path] = ResidualHits.GetValueOrDefault(path) + n;
            }

            foreach (var (path, n) in findings.BinaryRemoved)
            {
                BinaryRemoved[path] = BinaryRemoved.GetValueOrDefault(path) + n;
            }
        }
    }
}
