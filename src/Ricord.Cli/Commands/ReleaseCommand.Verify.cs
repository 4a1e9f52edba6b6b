using System.CommandLine;
using System.Globalization;
using Ricord.Release;

namespace Ricord.Cli.Commands;

public static partial class ReleaseCommand
{
    private static Command Verify()
    {
        var release = new Argument<DirectoryInfo>("release") { Description = "The release folder (with manifest.json)." };
        var identifiers = new Option<FileInfo?>("--identifiers") { Description = "More known identities no byte may hold, one per line (UTF-8): name:FAMILY^GIVEN, birthdate:YYYYMMDD, id:VALUE or a plain value; searched as written and by the residual-identifier rules." };
        var data = CliData.CreateOption();
        data.Description = "Data directory whose link table's original patient IDs no byte of the release may hold. " + data.Description;
        var command = new Command("verify",
            "Verify a release: every file's size and SHA-256 against manifest.json (and no unlisted file), no patient in two splits, each NIfTI " +
            "volume's geometry and voxels, each label map's geometry and each SEG's geometry, references and frames against its DICOM series, and every byte and path against every original " +
            "patient ID in the link table (plus --identifiers). Failures name files and identifier numbers, never values. " +
            "Exit codes: 0 verified, 2 verification failed, 3 release or data directory not found, 1 usage.")
        {
            release, identifiers, data,
        };
        command.SetAction((parse, ct) => RunVerifyAsync(parse.GetValue(release)!, parse.GetValue(identifiers), parse.GetValue(data)!,
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    public static async Task<int> RunVerifyAsync(DirectoryInfo release, FileInfo? identifiersFile, DirectoryInfo dataDir, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!release.Exists)
        {
            stderr.WriteLine($"ricord release verify: {release.FullName} not found");
            return ExitCodes.FileNotFound;
        }

        if (identifiersFile is { Exists: false })
        {
            stderr.WriteLine($"ricord release verify: identifiers file {identifiersFile.FullName} not found");
            return ExitCodes.FileNotFound;
        }

        if (!CliData.Exists(dataDir, stderr))
        {
            return ExitCodes.FileNotFound;
        }

        try
        {
            var ids = LinkTableIdentifiers.Read(Path.Combine(dataDir.FullName, "secrets", "link.db"));
            int fromLinkTable = ids.Count;
            List<string> identities = identifiersFile is null ? [] : (await File.ReadAllLinesAsync(identifiersFile.FullName, ct).ConfigureAwait(false)).Where(l => l.Trim().Length > 0).ToList();
            ReleaseProgress last = new("starting", 0, 0, 0);
            var options = new ReleaseVerifyOptions(release.FullName) { Identifiers = ids, Identities = identities, Progress = new Progress<ReleaseProgress>(p => last = p) };
            var work = new ReleaseVerifier().VerifyAsync(options, ct);
            await CliProgress.TrackStagesAsync(stdout, () => (last.Stage, last.Done, last.Total, last.Bytes), work).ConfigureAwait(false);
            var r = await work.ConfigureAwait(false);
            foreach (string failure in r.Failures)
            {
                stdout.WriteLine($"  FAIL {failure}");
            }

            string verdict = r.Passed ? "verified" : $"{r.Failures.Count} failure(s)";
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"release {r.Version}: {r.Files} files ({r.Bytes / 1e6:F1} MB) hashed, {r.Patients} patients in splits, {r.Volumes} volumes, {r.LabelMaps} label maps and {r.Segs} SEGs checked against the DICOM, {r.IdentifiersSearched} identifiers searched ({fromLinkTable} from the link table): {verdict}"));
            return r.Passed ? ExitCodes.Success : ExitCodes.InvalidInput;
        }
        catch (ReleaseException e)
        {
            stderr.WriteLine($"ricord release verify: {e.Message}");
            return ExitCodes.InvalidInput;
        }
    }
}
