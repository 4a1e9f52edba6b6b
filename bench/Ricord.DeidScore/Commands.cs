using System.Diagnostics;
using System.Globalization;
using Ricord.DeidScoring;
using Ricord.Dicom;

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
                if (profile.IsDefault)
                {
                    reports.Add(CliScoring.ScoreIngest(corpus, Path.Combine(work, "corpus"), work));
                }
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

    /// <summary>Scores a peer's output folder: files matched to the corpus by file name; all bytes in it searched.</summary>
    public static int ScoreDirectory(PhiCorpus corpus, string input, string output, string tool, string logFile, bool all)
    {
        var outputs = new Dictionary<int, DicomFile?>();
        var bytes = new List<(string, byte[])>();
        foreach (string file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
        {
            byte[] b = File.ReadAllBytes(file);
            bytes.Add((Path.GetRelativePath(output, file), b));
            if (corpus.Files.FirstOrDefault(f => f.Name == Path.GetFileName(file)) is { } match)
            {
                try
                {
                    outputs[match.Index] = DicomFile.Read(b);
                }
                catch (DicomFormatException)
                {
                    outputs[match.Index] = null;
                }
            }
        }

        _ = input; // the corpus is regenerated from the seed; the folder is named for the record
        var log = File.Exists(logFile) ? File.ReadAllLines(logFile) : [];
        var report = DeidScorer.Score(corpus, new Expectations(Ricord.Deid.DeidProfile.Ricord, strict: false), tool, "RICORD expectations", outputs, bytes, log);
        report.Print(Console.Out, all);
        return 0;
    }
}
