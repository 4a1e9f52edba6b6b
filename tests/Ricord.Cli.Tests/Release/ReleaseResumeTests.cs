using Ricord.Cli.Tests.Commands;
using Xunit.Abstractions;

namespace Ricord.Cli.Tests.Release;

/// <summary>
/// `ricord release build` as a child process killed with SIGKILL at random points (just after it starts its journal,
/// then after a random number of journaled files and series, up to the last tables), a journaled file damaged between
/// two runs, and a run to the end: the release is byte-identical to the uninterrupted build (every file, the manifest
/// included) and verifies. A folder that holds the unfinished build of another version is refused (exit 4), untouched.
/// </summary>
[Collection(ReleaseCollection.Name)]
public sealed class ReleaseResumeTests(ReleasePipeline pipeline, ITestOutputHelper log)
{
    private const int Kills = 5;

    [Fact]
    public async Task A_build_killed_several_times_resumes_and_ends_byte_identical()
    {
        string release = Path.Combine(pipeline.Root, "rel-killed");
        string journal = Path.Combine(release, ".ricord-build", "journal");
        string[] args = ["release", "build", ReleasePipeline.Collection, "--version", "1.0.0", "--out", release, "--data", pipeline.Data];
        int total = Directory.EnumerateFiles(pipeline.Release, "*", SearchOption.AllDirectories).Count(); // the journal has a line per file and more
        var random = new Random(16);
        int killed = 0, lines = 0;
        for (int k = 0; k < Kills; k++)
        {
            // First run: killed as soon as its journal exists; then after a random number of further journal lines, all
            // within the first three quarters of the build, so that even on a quiet machine, where the last files are
            // written faster than a poll, every kill meets a build with work left (a target near the end let run 5 finish).
            int last = total * 3 / 4;
            int target = k == 0 ? 0 : Math.Min(lines + random.Next(1, Math.Max(2, last / Kills)), last);
            using var cli = CliProcess.Start(new Dictionary<string, string>(), args);
            await UntilAsync(() => cli.HasExited || (File.Exists(journal) && Lines(journal) > target), TimeSpan.FromSeconds(120));
            bool finished = cli.HasExited;
            await cli.KillAsync();
            lines = File.Exists(journal) ? Lines(journal) : 0;
            log.WriteLine($"run {k + 1}: {(finished ? "finished before the kill" : "killed")} at {lines} journal lines (target {target}); {cli.Output.Trim()}");
            Assert.False(finished && cli.ExitCode != 0, cli.Output);
            if (finished)
            {
                break;
            }

            killed++;
            Assert.False(File.Exists(Path.Combine(release, "manifest.json")) && !Directory.Exists(Path.Combine(release, ".ricord-build")));
        }

        Assert.True(killed >= 3, $"only {killed} runs were killed before they finished");

        // Another version into the same folder: not this build, refused, nothing touched.
        var before = Files(release);
        var (code, _, error) = InProcessCli.Run("release", "build", ReleasePipeline.Collection, "--version", "1.0.1", "--out", release, "--data", pipeline.Data);
        Assert.Equal(ExitCodes.OutputNotEmpty, code);
        Assert.Contains("unfinished build of another spec", error, StringComparison.Ordinal);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), Files(release).Keys.Order(StringComparer.Ordinal));

        // A journaled file damaged after it was written is not trusted: the resumed build writes it again.
        string damaged = before.Keys.First(p => p.StartsWith("dicom/", StringComparison.Ordinal) && File.ReadAllText(journal).Contains(p.Replace('\\', '/'), StringComparison.Ordinal));
        var bytes = File.ReadAllBytes(Path.Combine(release, damaged));
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(Path.Combine(release, damaged), bytes);

        string output = ReleasePipeline.Run([.. args]);
        Assert.Matches("resumed an interrupted build, [1-9][0-9]* files kept", output);
        Assert.False(Directory.Exists(Path.Combine(release, ".ricord-build")));
        var expected = Files(pipeline.Release);
        var actual = Files(release);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, f => Assert.True(f.Value.AsSpan().SequenceEqual(actual[f.Key]), $"{f.Key} differs from the uninterrupted build"));
        (code, output, error) = InProcessCli.Run("release", "verify", release, "--data", pipeline.Data);
        Assert.True(code == 0, output + error);

        // Finished: the folder is a release now, and a release is written once.
        (code, _, _) = InProcessCli.Run([.. args]);
        Assert.Equal(ExitCodes.OutputNotEmpty, code);
    }

    [Fact]
    public void A_folder_with_other_files_is_refused_and_left_as_it_was()
    {
        string folder = Path.Combine(pipeline.Root, "foreign-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(Path.Combine(folder, ".ricord-build"));
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "someone's notes");
        var (code, _, error) = InProcessCli.Run("release", "build", ReleasePipeline.Collection, "--version", "1.0.0", "--out", folder, "--data", pipeline.Data);
        Assert.Equal(ExitCodes.OutputNotEmpty, code);
        Assert.Contains("not empty", error, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)));
    }

    private static int Lines(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var buffer = new byte[1 << 16];
            int n, count = 0;
            while ((n = stream.Read(buffer)) > 0)
            {
                count += buffer.AsSpan(0, n).Count((byte)'\n');
            }

            return count;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static async Task UntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < timeout, "timed out waiting for the build");
            await Task.Delay(2);
        }
    }

    private static Dictionary<string, byte[]> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
}
