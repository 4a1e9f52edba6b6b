using Ricord.Annotation.Agreement;
using Ricord.Annotation.Consensus;
using Ricord.Annotation.Projects;
using Ricord.Annotation.Results;
using Ricord.Catalog;

namespace Ricord.Tests.Annotation.Results;

/// <summary>Results behaviour written once, run on SQLite (<see cref="SqliteResultsTests"/>) and PostgreSQL (<see cref="PostgresResultsTests"/>).</summary>
internal static class ResultsScenarios
{
    private static readonly CancellationToken None = CancellationToken.None;

    public static async Task ConsensusAndAgreementMatchTheHandComputedAnswers(CatalogProvider provider)
    {
        await using var f = await ResultsData.CreateAsync(provider);
        var results = new ProjectResultsService(f.Options);
        var consensus = await results.GetConsensusAsync(ResultsData.Curator, ResultsData.Project, null, None);
        Assert.Equal(("res", "results-test", 1, 0), (consensus.Project, consensus.SchemaName, consensus.SchemaVersion, consensus.BlindedStudies));
        Assert.Equal(Enumerable.Range(0, 5).Select(ResultsData.Study), consensus.Studies.Select(s => s.StudyInstanceUid));

        static (ConsensusStatus, string?) Of(StudyConsensusResult s, string group) => (s.Consensus!.For(group)!.Status, s.Consensus.For(group)!.Label);
        var st = consensus.Studies;
        Assert.Equal((ConsensusStatus.Agreed, "Typical"), Of(st[0], "Appearance"));
        Assert.Equal((ConsensusStatus.Majority, "Mild"), Of(st[0], "Grade"));
        Assert.Equal((ConsensusStatus.Majority, "Typical"), Of(st[1], "Appearance"));
        Assert.Equal((ConsensusStatus.Agreed, "Moderate"), Of(st[1], "Grade"));
        Assert.Equal((ConsensusStatus.Adjudicated, "Indeterminate"), Of(st[2], "Appearance"));
        Assert.Equal((ConsensusStatus.Adjudicated, "Severe"), Of(st[2], "Grade"));
        Assert.Equal(("adj", true), (st[2].Adjudicator, st[2].Consensus!.Adjudicated));
        Assert.Equal([new LabelVote("Typical", 1), new LabelVote("Indeterminate", 1), new LabelVote("Atypical", 1)], st[2].Consensus!.For("Appearance")!.Votes);
        Assert.Equal((ConsensusStatus.Majority, "Negative"), Of(st[3], "Appearance"));
        Assert.Equal((ConsensusStatus.NotApplicable, null), Of(st[3], "Grade"));
        Assert.Equal((ConsensusStatus.NotApplicable, null), Of(st[3], "Lesion"));
        Assert.Equal((false, "r1", 3), (st[4].IsComplete, string.Join(",", st[4].Readers), st[4].RequiredReads));
        Assert.Equal(["r1", "r2", "r3"], st[0].Readers);

        var summary = consensus.Summary().ToDictionary(g => g.Group);
        Assert.Equal(new[] { 1, 2, 1, 0, 0, 0 }, summary["Appearance"].CountsByStatus);
        Assert.Equal(new[] { 1, 1, 1, 0, 0, 1 }, summary["Grade"].CountsByStatus);
        Assert.Equal(4, summary["Lesion"][ConsensusStatus.NotApplicable]);

        var one = await results.GetConsensusAsync(ResultsData.Curator, ResultsData.Project, ResultsData.Study(1), None);
        Assert.Equal([ResultsData.Study(1)], one.Studies.Select(s => s.StudyInstanceUid));

        var agreement = await results.GetAgreementAsync(ResultsData.Curator, ResultsData.Project, new AgreementOptions(200, 7), segmentation: false, null, None);
        Assert.Equal((4, 0), (agreement.Studies, agreement.Report.Segmentations.Count));
        var appearance = agreement.Report.Labels.Single(g => g.Group == "Appearance");
        Assert.Equal(4, appearance.StudiesWithTwoOrMoreRatings);
        Assert.Equal(5.0 / 12, appearance.PercentAgreement.Value, 12);
        Assert.Equal(2.0 / 86, appearance.FleissKappa.Value, 12);
        Assert.True(appearance.FleissKappa.Lower <= appearance.FleissKappa.Value && appearance.FleissKappa.Value <= appearance.FleissKappa.Upper);
        var r1r2 = appearance.Pairs.Single(p => p is { ReaderA: "r1", ReaderB: "r2" });
        Assert.Equal(0.75, r1r2.PercentAgreement.Value);
        Assert.Equal(5.0 / 9, r1r2.CohenKappa.Value, 12);
        Assert.Null(r1r2.LinearKappa);

        // Reader versus consensus uses the engine's consensus, adjudication included: S0 T, S1 T, S2 I, S3 N.
        Assert.Equal([0.75, 1.0, 0.25], appearance.VersusConsensus.Select(p => p.PercentAgreement.Value));
        var grade = agreement.Report.Labels.Single(g => g.Group == "Grade");
        var g12 = grade.Pairs.Single(p => p is { ReaderA: "r1", ReaderB: "r2" });
        Assert.Equal((3, 2.0 / 3), (g12.Studies, g12.PercentAgreement.Value));
        Assert.Equal(0.25, g12.LinearKappa!.Value, 12);
        Assert.Equal(1, g12.Confusion[0, 2]);

        // Same seed, same intervals.
        var again = await results.GetAgreementAsync(ResultsData.Curator, ResultsData.Project, new AgreementOptions(200, 7), segmentation: false, null, None);
        Assert.Equal(appearance.FleissKappa, again.Report.Labels.Single(g => g.Group == "Appearance").FleissKappa);
    }

    public static async Task BlindingHoldsForResults(CatalogProvider provider)
    {
        await using var f = await ResultsData.CreateAsync(provider);
        var results = new ProjectResultsService(f.Options);
        var reader = new ReadingActor("r1", ReadingRole.Reader);
        await Assert.ThrowsAsync<ReadingAccessException>(() => results.GetConsensusAsync(reader, ResultsData.Project, null, None));
        await Assert.ThrowsAsync<ReadingAccessException>(() => results.GetConsensusAsync(reader, ResultsData.Project, ResultsData.Study(0), None));
        await Assert.ThrowsAsync<ReadingAccessException>(() => results.GetAgreementAsync(reader, ResultsData.Project, null, false, null, None));

        // A reader who is also a curator sees nothing of the studies they read: left out of the project, refused for one study.
        await f.Projects.EnsureUserAsync("r1", ReadingRole.Curator, None);
        var asCurator = new ReadingActor("r1", ReadingRole.Curator);
        var consensus = await results.GetConsensusAsync(asCurator, ResultsData.Project, null, None);
        Assert.Equal((0, 5), (consensus.Studies.Count, consensus.BlindedStudies));
        await Assert.ThrowsAsync<ReadingAccessException>(() => results.GetConsensusAsync(asCurator, ResultsData.Project, ResultsData.Study(2), None));
        var agreement = await results.GetAgreementAsync(asCurator, ResultsData.Project, new AgreementOptions(0), false, null, None);
        Assert.Equal((0, 5, 0), (agreement.Studies, agreement.BlindedStudies, agreement.Report.Labels.Count));

        // The project's adjudicator sees everything; an adjudicator of no project nothing; unknown names are errors.
        var adj = new ReadingActor("adj", ReadingRole.Adjudicator);
        Assert.Equal(5, (await results.GetConsensusAsync(adj, ResultsData.Project, null, None)).Studies.Count);
        await f.Projects.EnsureUserAsync("outsider", ReadingRole.Adjudicator, None);
        await Assert.ThrowsAsync<ReadingAccessException>(() => results.GetConsensusAsync(new ReadingActor("outsider", ReadingRole.Adjudicator), ResultsData.Project, null, None));
        await Assert.ThrowsAsync<ReadingException>(() => results.GetConsensusAsync(ResultsData.Curator, "nope", null, None));
        await Assert.ThrowsAsync<ReadingException>(() => results.GetConsensusAsync(ResultsData.Curator, ResultsData.Project, "1.2.3.4.5", None));
        await Assert.ThrowsAsync<ReadingException>(() => results.GetAgreementAsync(ResultsData.Curator, ResultsData.Project, null, segmentation: true, null, None));
    }
}
