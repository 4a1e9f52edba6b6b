using Ricord.Annotation.Agreement;
using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;

namespace Ricord.Tests.Annotation.Agreement;

public sealed class CategoricalAgreementCalculatorTests
{
    private static readonly string[] YesNo = ["Yes", "No"];

    [Fact]
    public void Cohen_example_through_the_calculator_gives_kappa_percent_and_confusion()
    {
        var table = RatingTable.FromRatings("proposal", YesNo, AgreementTestData.CohenProposals());
        var result = CategoricalAgreementCalculator.Compute(table);
        var pair = Assert.Single(result.Pairs);
        Assert.Equal(("A", "B", 50), (pair.ReaderA, pair.ReaderB, pair.Studies));
        Assert.Equal(0.4, pair.CohenKappa.Value, 1e-12);
        Assert.Equal(0.7, pair.PercentAgreement.Value, 1e-12);
        Assert.Equal(20, pair.Confusion[0, 0]);
        Assert.Equal(5, pair.Confusion[0, 1]);
        Assert.Equal(10, pair.Confusion[1, 0]);
        Assert.Equal(15, pair.Confusion[1, 1]);
        Assert.Null(pair.LinearKappa);
        Assert.True(pair.CohenKappa.Lower < 0.4 && pair.CohenKappa.Upper > 0.4, $"{pair.CohenKappa}");
        Assert.Equal(1000, pair.CohenKappa.Replicates);

        // Two readers: overall percent agreement is the pair's; no strict majority on a 1–1 split.
        Assert.Equal(0.7, result.PercentAgreement.Value, 1e-12);
        Assert.All(result.VersusConsensus, p => Assert.Equal(35, p.Studies));
        Assert.All(result.VersusConsensus, p => Assert.Equal(1.0, p.PercentAgreement.Value));
    }

    [Fact]
    public void Fleiss_example_through_the_calculator_with_different_raters_per_subject()
    {
        string[] categories = ["1", "2", "3", "4", "5"];
        var table = RatingTable.FromRatings("diagnosis", categories, AgreementTestData.FromCounts(KappaTests.FleissExample, categories));
        var result = CategoricalAgreementCalculator.Compute(table, new AgreementOptions(BootstrapResamples: 200));
        Assert.Equal(0.20993070442195522, result.FleissKappa.Value, 1e-12);
        Assert.Equal(0.378021978021978, result.PercentAgreement.Value, 1e-12);
        Assert.Equal(0.1, result.Unanimity.Value, 1e-12);
        Assert.True(result.FleissKappa.Lower < 0.21 && result.FleissKappa.Upper > 0.21);
    }

    [Fact]
    public void Bootstrap_is_deterministic_for_a_seed_and_changes_with_it()
    {
        var ratings = AgreementTestData.CohenProposals();
        var table = RatingTable.FromRatings("proposal", YesNo, ratings);
        var a = CategoricalAgreementCalculator.Compute(table, new AgreementOptions(Seed: 7)).Pairs[0].CohenKappa;
        var b = CategoricalAgreementCalculator.Compute(table, new AgreementOptions(Seed: 7)).Pairs[0].CohenKappa;
        var c = CategoricalAgreementCalculator.Compute(table, new AgreementOptions(Seed: 8)).Pairs[0].CohenKappa;
        Assert.Equal(a, b);
        Assert.NotEqual(a.Lower, c.Lower);
        var none = CategoricalAgreementCalculator.Compute(table, new AgreementOptions(BootstrapResamples: 0)).Pairs[0].CohenKappa;
        Assert.Equal(0.4, none.Value, 1e-12);
        Assert.True(double.IsNaN(none.Lower) && double.IsNaN(none.Upper));
    }

    [Fact]
    public void Missing_reads_restrict_each_pair_to_the_studies_both_rated()
    {
        Rating[] ratings =
        [
            new("s1", "A", "Yes"), new("s1", "B", "Yes"), new("s1", "C", "No"),
            new("s2", "A", "No"), new("s2", "B", "No"),
            new("s3", "A", "Yes"), new("s3", "C", "Yes"),
            new("s4", "B", "No"), new("s4", "C", "Yes"),
            new("s5", "C", "No"),
        ];
        var result = CategoricalAgreementCalculator.Compute(RatingTable.FromRatings("g", YesNo, ratings));
        Assert.Equal(5, result.Studies);
        Assert.Equal(4, result.StudiesWithTwoOrMoreRatings);
        var ab = result.Pairs.Single(p => p is { ReaderA: "A", ReaderB: "B" });
        var ac = result.Pairs.Single(p => p is { ReaderA: "A", ReaderB: "C" });
        var bc = result.Pairs.Single(p => p is { ReaderA: "B", ReaderB: "C" });
        Assert.Equal((2, 1.0), (ab.Studies, ab.PercentAgreement.Value));
        Assert.Equal((2, 0.5), (ac.Studies, ac.PercentAgreement.Value));
        Assert.Equal((2, 0.0), (bc.Studies, bc.PercentAgreement.Value));

        // Per-study share of agreeing pairs: s1 1/3, s2 1, s3 1, s4 0 → mean 7/12; unanimous 2 of 4.
        Assert.Equal(7.0 / 12, result.PercentAgreement.Value, 1e-12);
        Assert.Equal(0.5, result.Unanimity.Value, 1e-12);

        // Majority consensus exists for s1 (Yes, 2 of 3), s2 and s3 (unanimous); s4 is a 1–1 tie; s5 has one rating.
        var c = result.VersusConsensus.Single(p => p.ReaderA == "C");
        Assert.Equal((2, 0.5), (c.Studies, c.PercentAgreement.Value));
        Assert.Equal(CategoricalAgreementCalculator.ConsensusName, c.ReaderB);
    }

    [Fact]
    public void Every_rating_in_one_category_gives_undefined_kappa_with_a_reason_and_no_crash()
    {
        var ratings = Enumerable.Range(0, 20).SelectMany(i => new[] { new Rating($"s{i}", "A", "No"), new Rating($"s{i}", "B", "No"), new Rating($"s{i}", "C", "No") });
        var result = CategoricalAgreementCalculator.Compute(RatingTable.FromRatings("g", YesNo, ratings));
        Assert.True(double.IsNaN(result.FleissKappa.Value));
        Assert.Equal(Kappa.ChanceIsOneReason, result.FleissKappa.Note);
        Assert.Equal(1.0, result.PercentAgreement.Value);
        Assert.All(result.Pairs, p => Assert.Equal(Kappa.ChanceIsOneReason, p.CohenKappa.Note));
        Assert.All(result.Pairs, p => Assert.Equal(0, p.CohenKappa.Replicates));
        Assert.All(result.Pairs, p => Assert.True(double.IsNaN(p.CohenKappa.Lower)));
    }

    [Fact]
    public void Empty_table_and_pairs_without_common_studies_are_undefined_not_errors()
    {
        var empty = CategoricalAgreementCalculator.Compute(RatingTable.FromRatings("g", YesNo, []));
        Assert.Equal(Kappa.NoMultipleRatingsReason, empty.FleissKappa.Note);
        Assert.Empty(empty.Pairs);
        var disjoint = CategoricalAgreementCalculator.Compute(RatingTable.FromRatings("g", YesNo, [new("s1", "A", "Yes"), new("s2", "B", "No")]));
        Assert.Equal(Kappa.NoStudiesReason, disjoint.Pairs[0].CohenKappa.Note);
        Assert.Equal(0, disjoint.Pairs[0].Confusion.Total);
    }

    [Fact]
    public void Ordinal_group_from_reads_gives_weighted_kappa_and_given_consensus_is_used()
    {
        var group = new LabelGroup("Grade", null, LabelScope.Study, LabelMode.SingleChoice,
            [new("Mild", null, "#00ff00", 1), new("Moderate", null, "#ffff00", 2), new("Severe", null, "#ff0000", 3), new("Invalid Study", null, "#888888", null, true)],
            Ordinal: true);

        // The hand-computed matrix of KappaTests (5 2 0 / 1 4 1 / 1 0 6) as 20 studies, plus two Invalid reads.
        string[] names = ["Mild", "Moderate", "Severe"];
        int[] m = [5, 2, 0, 1, 4, 1, 1, 0, 6];
        var reads = new List<StudyRead>();
        int s = 0;
        for (int cell = 0; cell < 9; cell++)
        {
            for (int i = 0; i < m[cell]; i++, s++)
            {
                reads.Add(Read($"s{s}", "A", names[cell / 3]));
                reads.Add(Read($"s{s}", "B", names[cell % 3]));
            }
        }

        reads.Add(Read("x1", "A", "invalid  study"));
        reads.Add(Read("x1", "B", "Severe"));
        reads.Add(new StudyRead("x2", "A", ReadContent.Empty));
        var consensus = new Dictionary<string, string> { ["s0"] = "Mild", ["x1"] = "Severe" };
        var table = RatingTable.ForGroup(new LabelSchema("t", 1, null, [group]), group, reads, consensus);
        Assert.True(table.IsOrdinal);
        var result = CategoricalAgreementCalculator.Compute(table, new AgreementOptions(BootstrapResamples: 100));
        var pair = Assert.Single(result.Pairs);
        Assert.Equal(61.0 / 91, pair.LinearKappa!.Value, 1e-12);
        Assert.Equal(5.0 / 7, pair.QuadraticKappa!.Value, 1e-12);
        Assert.Equal(21, pair.Studies);
        Assert.Equal(1, pair.Confusion[3, 2]);
        var a = result.VersusConsensus.Single(p => p.ReaderA == "A");
        Assert.Equal((2, 0.5), (a.Studies, a.PercentAgreement.Value));

        static StudyRead Read(string study, string reader, string label) => new(study, reader, new ReadContent([new ReadLabel("grade", label)], []));
    }

    [Fact]
    public void A_read_with_two_labels_of_a_single_choice_group_is_left_out_and_an_unknown_category_is_an_error()
    {
        var group = new LabelGroup("G", null, LabelScope.Study, LabelMode.SingleChoice, [new("Yes", null, "#000000"), new("No", null, "#ffffff")]);
        var conflict = new StudyRead("s", "A", new ReadContent([new ReadLabel("G", "Yes"), new ReadLabel("G", "No")], []));
        var table = RatingTable.ForGroup(new LabelSchema("t", 1, null, [group]), group, [conflict, new StudyRead("s", "B", new ReadContent([new ReadLabel("G", "No")], []))]);
        Assert.Equal(["B"], table.Readers);
        Assert.Throws<ArgumentException>(() => RatingTable.FromRatings("G", YesNo, [new("s", "A", "Maybe")]));
    }
}
