using Ricord.Annotation.Consensus;
using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;

namespace Ricord.Tests.Annotation.Consensus;

public sealed class ConsensusEngineTests
{
    private const string Appearance = "Appearance";
    private const string Grade = "Airspace Disease Grading";
    private const string Typical = "Typical Appearance";
    private const string Indeterminate = "Indeterminate Appearance";
    private const string Atypical = "Atypical Appearance";
    private const string Negative = "Negative for Pneumonia";
    private const string Mild = "Mild Opacities  (1-2 lung zones)";
    private const string Moderate = "Moderate Opacities (3-4 lung zones)";
    private const string Invalid = "Invalid Study";
    private static readonly ConsensusEngine Engine = new();
    private static readonly LabelSchema Cxr = BuiltinSchemas.Cxr;

    /// <summary>A radiograph read: appearance and optional grade ("Invalid Study" alone when the appearance is it).</summary>
    internal static ReadContent Read(string? appearance, string? grade = null)
    {
        var labels = new List<ReadLabel>();
        if (appearance == Invalid)
        {
            labels.Add(new ReadLabel(Grade, Invalid));
        }
        else if (appearance is not null)
        {
            labels.Add(new ReadLabel(Appearance, appearance));
        }

        if (grade is not null)
        {
            labels.Add(new ReadLabel(Grade, grade));
        }

        return new ReadContent(labels, []);
    }

    private static StudyConsensus Compute(ReadContent? adjudication, params ReadContent[] reads) => Engine.Compute(Cxr, reads, adjudication);

    [Fact]
    public void Unanimous_readers_agree()
    {
        var c = Compute(null, Read(Typical, Mild), Read(Typical, Mild), Read(Typical, Mild));
        Assert.Equal(new GroupConsensus(Appearance, ConsensusStatus.Agreed, Typical, c.For(Appearance)!.Votes, 3), c.For(Appearance));
        Assert.Equal([new LabelVote(Typical, 3)], c.For(Appearance)!.Votes);
        Assert.Equal(ConsensusStatus.Agreed, c.For(Grade)!.Status);
        Assert.Equal(Mild, c.For(Grade)!.Label); // the schema's raw string, double space kept
        Assert.False(c.Adjudicated);
        Assert.Equal(ReaderAgreement.Unanimous, Engine.Agreement(Cxr, [Read(Typical, Mild), Read(Typical, Moderate), Read(Typical)]));
    }

    [Fact]
    public void Two_of_three_is_a_majority()
    {
        var reads = new[] { Read(Typical, Mild), Read(Indeterminate, Moderate), Read(Typical, Moderate) };
        var c = Engine.Compute(Cxr, reads);
        Assert.Equal(ConsensusStatus.Majority, c.For(Appearance)!.Status);
        Assert.Equal(Typical, c.For(Appearance)!.Label);
        Assert.Equal([new LabelVote(Typical, 2), new LabelVote(Indeterminate, 1)], c.For(Appearance)!.Votes);
        Assert.Equal(Moderate, c.For(Grade)!.Label);
        Assert.Equal(ConsensusStatus.Majority, c.For(Grade)!.Status);
        Assert.Equal(ReaderAgreement.Majority, Engine.Agreement(Cxr, reads));
    }

    [Fact]
    public void A_one_one_one_split_is_no_consensus_never_a_negative()
    {
        var reads = new[] { Read(Typical, Mild), Read(Atypical, Moderate), Read(Negative) };
        var c = Engine.Compute(Cxr, reads);
        Assert.Equal(ConsensusStatus.NoConsensus, c.For(Appearance)!.Status);
        Assert.Null(c.For(Appearance)!.Label);
        Assert.Equal(3, c.For(Appearance)!.Votes.Count);

        // Whether the grade applies is unknown without an appearance: no consensus, even though 1-1 grades exist.
        Assert.Equal(ConsensusStatus.NoConsensus, c.For(Grade)!.Status);
        Assert.Null(c.For(Grade)!.Label);
        Assert.Equal(ReaderAgreement.NoMajority, Engine.Agreement(Cxr, reads));
    }

    [Fact]
    public void The_adjudicator_wins()
    {
        var c = Compute(Read(Atypical, Moderate), Read(Typical, Mild), Read(Typical, Mild), Read(Indeterminate, Mild));
        Assert.True(c.Adjudicated);
        Assert.Equal(ConsensusStatus.Adjudicated, c.For(Appearance)!.Status);
        Assert.Equal(Atypical, c.For(Appearance)!.Label);
        Assert.Equal(Moderate, c.For(Grade)!.Label);
        Assert.Equal([new LabelVote(Typical, 2), new LabelVote(Indeterminate, 1)], c.For(Appearance)!.Votes); // readers' votes still reported

        // An adjudicator who answers only the appearance leaves the grade to the readers.
        c = Compute(Read(Typical), Read(Typical, Mild), Read(Atypical, Mild), Read(Indeterminate, Moderate));
        Assert.Equal(ConsensusStatus.Adjudicated, c.For(Appearance)!.Status);
        Assert.Equal((ConsensusStatus.Majority, Mild), (c.For(Grade)!.Status, c.For(Grade)!.Label));
    }

    [Fact]
    public void A_negative_appearance_suppresses_the_grade()
    {
        var c = Compute(null, Read(Negative), Read(Negative), Read(Typical, Severe));
        Assert.Equal((ConsensusStatus.Majority, Negative), (c.For(Appearance)!.Status, c.For(Appearance)!.Label));
        Assert.Equal(ConsensusStatus.NotApplicable, c.For(Grade)!.Status);
        Assert.Null(c.For(Grade)!.Label);

        // Even when the only grade given is unanimous among those who gave one, and when adjudicated negative.
        c = Compute(Read(Negative), Read(Typical, Mild), Read(Typical, Mild), Read(Atypical, Mild));
        Assert.Equal(ConsensusStatus.NotApplicable, c.For(Grade)!.Status);

        // A positive majority with one negative reader: the grade is voted over all three reads (2 of 3 Mild).
        c = Compute(null, Read(Negative), Read(Typical, Mild), Read(Typical, Mild));
        Assert.Equal((ConsensusStatus.Majority, Mild), (c.For(Grade)!.Status, c.For(Grade)!.Label));
    }

    private const string Severe = "Severe Opacities (>4 lung zones)";

    [Fact]
    public void Invalid_study_makes_the_consensus_not_available()
    {
        var c = Compute(null, Read(Invalid), Read(Invalid), Read(Typical, Mild));
        Assert.Equal((ConsensusStatus.NotAvailable, Invalid), (c.For(Appearance)!.Status, c.For(Appearance)!.Label));
        Assert.Equal((ConsensusStatus.NotAvailable, Invalid), (c.For(Grade)!.Status, c.For(Grade)!.Label));

        // One invalid read is one vote among three.
        c = Compute(null, Read(Invalid), Read(Typical, Mild), Read(Typical, Mild));
        Assert.Equal((ConsensusStatus.Majority, Typical), (c.For(Appearance)!.Status, c.For(Appearance)!.Label));
        Assert.Equal([new LabelVote(Typical, 2), new LabelVote(Invalid, 1)], c.For(Appearance)!.Votes);
        c = Compute(null, Read(Invalid), Read(Typical, Mild), Read(Atypical, Mild));
        Assert.Equal(ConsensusStatus.NoConsensus, c.For(Appearance)!.Status);

        // The adjudicator calling it invalid.
        c = Compute(Read(Invalid), Read(Typical, Mild), Read(Atypical, Mild), Read(Negative));
        Assert.Equal((ConsensusStatus.NotAvailable, Invalid), (c.For(Appearance)!.Status, c.For(Appearance)!.Label));
        Assert.Equal((ConsensusStatus.NotAvailable, Invalid), (c.For(Grade)!.Status, c.For(Grade)!.Label));
        Assert.Equal(ReaderAgreement.Unanimous, Engine.Agreement(Cxr, [Read(Invalid), Read(Invalid)]));
    }

    [Fact]
    public void Missing_reads_and_labels_are_never_votes()
    {
        // Two readers silent on appearance: 1 of 3 is not a majority, and silence is not a negative.
        var c = Compute(null, Read(Typical, Mild), ReadContent.Empty, ReadContent.Empty);
        Assert.Equal(ConsensusStatus.NoConsensus, c.For(Appearance)!.Status);
        Assert.Equal([new LabelVote(Typical, 1)], c.For(Appearance)!.Votes);
        Assert.Equal(3, c.For(Appearance)!.Reads);

        // Two readers who agree while the third is missing: majority, not agreement.
        c = Compute(null, Read(Typical, Mild), Read(Typical, Mild), ReadContent.Empty);
        Assert.Equal((ConsensusStatus.Majority, Typical), (c.For(Appearance)!.Status, c.For(Appearance)!.Label));
        Assert.Equal(ReaderAgreement.Majority, Engine.Agreement(Cxr, [Read(Typical, Mild), Read(Typical, Mild), ReadContent.Empty]));

        // No reads at all: nothing is available.
        c = Compute(null);
        Assert.All(c.Groups, g => Assert.Equal(ConsensusStatus.NotAvailable, g.Status));

        // A single reader agrees with itself.
        c = Compute(null, Read(Atypical, Severe));
        Assert.Equal((ConsensusStatus.Agreed, Atypical), (c.For(Appearance)!.Status, c.For(Appearance)!.Label));
        Assert.Throws<ArgumentException>(() => Engine.Agreement(Cxr, []));
    }

    [Fact]
    public void Two_appearances_in_one_read_are_a_conflict_not_a_vote()
    {
        var conflicted = new ReadContent([new ReadLabel(Appearance, Typical), new ReadLabel(Appearance, Negative)], []);
        var c = Compute(null, conflicted, Read(Typical, Mild), Read(Atypical, Mild));
        Assert.Equal(ConsensusStatus.NoConsensus, c.For(Appearance)!.Status);
        Assert.Equal(1, c.For(Appearance)!.Conflicts);
    }

    /// <summary>A conflicting read is left out of that group: two agreeing readers of the other two are all the available
    /// reads there (Agreed over n = 2), and the conflicting read still votes in its other groups.</summary>
    [Fact]
    public void A_conflicting_read_is_left_out_of_that_group_only()
    {
        var conflicted = new ReadContent([new ReadLabel(Appearance, Typical), new ReadLabel(Appearance, Negative), new ReadLabel(Grade, Moderate)], []);
        var c = Compute(null, conflicted, Read(Typical, Mild), Read(Typical, Moderate));
        Assert.Equal((ConsensusStatus.Agreed, Typical, 2, 1), (c.For(Appearance)!.Status, c.For(Appearance)!.Label, c.For(Appearance)!.Reads, c.For(Appearance)!.Conflicts));
        Assert.Equal((ConsensusStatus.Majority, Moderate), (c.For(Grade)!.Status, c.For(Grade)!.Label));
        Assert.Equal(ReaderAgreement.Unanimous, Engine.Agreement(Cxr, [conflicted, Read(Typical, Mild), Read(Typical)]));
    }

    /// <summary>A grade on a read that says Negative is out of scope by the schema's rule: no vote (with it, Mild would
    /// have 2 of 3); "Invalid Study" stands alone: a read that also gives an appearance votes Invalid Study only.</summary>
    [Fact]
    public void Out_of_scope_labels_follow_the_schema_rule()
    {
        var negativeWithGrade = Read(Negative, Mild);
        var c = Compute(null, negativeWithGrade, Read(Typical, Mild), Read(Typical, Moderate));
        Assert.Equal((ConsensusStatus.Majority, Typical), (c.For(Appearance)!.Status, c.For(Appearance)!.Label));
        Assert.Equal(ConsensusStatus.NoConsensus, c.For(Grade)!.Status);
        Assert.Equal([new LabelVote(Mild, 1), new LabelVote(Moderate, 1)], c.For(Grade)!.Votes);

        var invalidWithAppearance = new ReadContent([new ReadLabel(Grade, Invalid), new ReadLabel(Appearance, Typical)], []);
        c = Compute(null, invalidWithAppearance, Read(Typical, Mild), Read(Typical, Mild));
        Assert.Equal((ConsensusStatus.Majority, Typical), (c.For(Appearance)!.Status, c.For(Appearance)!.Label));
        Assert.Contains(new LabelVote(Invalid, 1), c.For(Appearance)!.Votes);
    }

    [Fact]
    public void Labels_are_matched_after_normalisation_and_output_as_the_schema_spells_them()
    {
        var c = Compute(null, Read("typical appearance", "mild opacities (1-2 lung zones)"), Read(Typical, Mild));
        Assert.Equal((ConsensusStatus.Agreed, Typical), (c.For(Appearance)!.Status, c.For(Appearance)!.Label));
        Assert.Equal(Mild, c.For(Grade)!.Label);
    }

    [Fact]
    public void Drawing_groups_are_not_voted_and_multiple_choice_labels_are_separate_questions()
    {
        var ct = BuiltinSchemas.Ct;
        static ReadContent R(params string[] findings) => new([new ReadLabel("Appearance", "Typical"), .. findings.Select(f => new ReadLabel("Findings", f))], []);
        var c = Engine.Compute(ct, [R("Effusion", "Emphysema"), R("Effusion"), R("Effusion", "Lymphadenopathy")]);
        Assert.Equal(ConsensusStatus.NotApplicable, c.For("Segmentation")!.Status);
        var findings = c.Groups.Where(g => g.Group == "Findings").ToList();
        Assert.Equal(3, findings.Count);
        Assert.Equal((ConsensusStatus.Agreed, "Effusion"), (findings[0].Status, findings[0].Label));
        Assert.All(findings.Skip(1), f => Assert.Equal(ConsensusStatus.NoConsensus, f.Status));
        Assert.Equal(ConsensusStatus.NotAvailable, c.For("Study Quality")!.Status); // nobody chose: not "adequate"
        Assert.Equal(ReaderAgreement.Unanimous, Engine.Agreement(ct, [R("Effusion"), R()]));
    }
}
