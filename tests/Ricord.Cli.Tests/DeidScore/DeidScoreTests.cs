using Ricord.DeidScoring;
using Xunit.Abstractions;

namespace Ricord.Cli.Tests.DeidScore;

/// <summary>
/// Issue 14's target on the hard PHI corpus, through the API and through the CLI (`ricord deid`, `ricord ingest`):
/// no planted value in any output byte or log line, and at least 99.95 % of actions correct, for the RICORD and the
/// strict profile. On failure the test output holds the scorer's table: every wrong action or leak with its rule.
/// </summary>
[Trait("Category", "DeidScore")]
public sealed class DeidScoreTests(ITestOutputHelper output)
{
    private const double Target = 99.95;

    [Theory]
    [InlineData("ricord")]
    [InlineData("strict")]
    public void Api_score_has_no_leak_and_meets_the_target(string profile)
    {
        var choice = ProfileChoice.Resolve(profile);
        var corpus = PhiCorpusGenerator.Generate(seed: 14);
        string folder = Path.Combine(Path.GetTempPath(), $"ricord-deidscore-{Guid.NewGuid():N}");
        try
        {
            var report = DeidScorer.ScoreApi(corpus, corpus.WriteTo(folder), choice.Profile, choice.Strict);
            AssertTarget(report);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("ricord")]
    [InlineData("strict")]
    public void Cli_score_has_no_leak_and_meets_the_target(string profile)
    {
        var choice = ProfileChoice.Resolve(profile);
        var corpus = PhiCorpusGenerator.Generate(seed: 15);
        string work = Path.Combine(Path.GetTempPath(), $"ricord-deidscore-{Guid.NewGuid():N}");
        try
        {
            string folder = Path.Combine(work, "corpus");
            corpus.WriteTo(folder);
            var deid = CliScoring.ScoreDeid(corpus, folder, choice, work);
            var ingest = CliScoring.ScoreIngest(corpus, folder, choice, work);
            Print(deid);
            Print(ingest);
            AssertTarget(deid);
            AssertTarget(ingest);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private void AssertTarget(ScoreReport report)
    {
        Print(report);
        Assert.Equal(report.Rows.Select(r => r.Value.File).Distinct().Count(), report.OutputFiles);
        Assert.True(report.Leaked == 0 && report.PercentCorrect >= Target, report.Summary);
    }

    private void Print(ScoreReport report)
    {
        using var w = new StringWriter();
        report.Print(w);
        output.WriteLine(w.ToString());
    }
}
