using System.Diagnostics;
using System.Globalization;
using Ricord.DeidScoring;

namespace Ricord.DeidScore;

/// <summary>The score commands: through the API (and the CLI), and of a peer tool's output folder.</summary>
internal static class Commands
{
    public static int Score(ProfileChoice profile, PhiCorpus corpus, bool cli, bool all)
    {
        string work = Path.Combine(Path.GetTempPath(), $"ricord-deidscore-{Guid.NewGuid():N}");
        try
        {
            var paths = corpus.WriteTo(Path.Combine(work, "corpus"));
            Console.WriteLine($"corpus: seed {corpus.Seed}, {corpus.Files.Count} files, {corpus.Values.Count} planted values " +
                $"({corpus.Values.Count(v => v.Needle is not null)} with a needle), up to depth {corpus.Values.Max(v => v.Depth)}");
            var reports = new List<ScoreReport> { DeidScorer.ScoreApi(corpus, paths, profile.Profile, profile.Strict) };
            if (cli)
            {
                var clock = Stopwatch.StartNew();
                reports.Add(CliScoring.ScoreDeid(corpus, Path.Combine(work, "corpus"), profile, work));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ricord deid: {clock.Elapsed.TotalSeconds:F2} s in process"));
                reports.Add(CliScoring.ScoreIngest(corpus, Path.Combine(work, "corpus"), profile, work));
            }

            foreach (var r in reports)
            {
                Console.WriteLine();
                r.Print(Console.Out, all);
            }

            return reports.All(r => r.Leaked == 0 && r.PercentCorrect >= 99.95) ? 0 : 2;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Scores a tool's output folder against <paramref name="profile"/>'s expectations: files matched by name (or by
    /// remapped SOP Instance UID with <paramref name="linkTable"/>); all bytes in it and the log searched.</summary>
    public static int ScoreDirectory(PhiCorpus corpus, string output, string tool, ProfileChoice profile, string logFile, string? linkTable, bool all)
    {
        var log = File.Exists(logFile) ? File.ReadAllLines(logFile) : [];
        var report = CliScoring.ScoreFolder(corpus, profile, tool, output, linkTable, log);
        report.Print(Console.Out, all);
        return 0;
    }
}
