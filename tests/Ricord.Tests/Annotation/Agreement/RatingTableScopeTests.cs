using Ricord.Annotation.Agreement;
using Ricord.Annotation.Consensus;
using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;

namespace Ricord.Tests.Annotation.Agreement;

/// <summary>
/// Agreement rates a published read by the consensus engine's scope rules (issue 18): an appearance given beside
/// "Invalid Study" is out of scope (the exclusive label stands alone), as is a grade on a read that says Negative; a read
/// with two appearances rates none. Written on the built-in ricord-cxr schema with its published label strings.
/// </summary>
public sealed class RatingTableScopeTests
{
    private const string Appearance = "Appearance", Grading = "Airspace Disease Grading";
    private const string Typical = "Typical Appearance", Negative = "Negative for Pneumonia", Invalid = "Invalid Study";
    private const string Mild = "Mild Opacities  (1-2 lung zones)", Moderate = "Moderate Opacities (3-4 lung zones)";

    private static readonly LabelSchema Cxr = BuiltinSchemas.Get(BuiltinSchemas.RicordCxr)!;

    /// <summary>s1: A Invalid Study + Typical, B Typical, C Typical + Mild. s2: A Negative + Mild (out of scope), B and C
    /// Negative. s3: A Typical + Atypical (conflict) + Moderate, B and C Typical + Moderate.</summary>
    private static readonly StudyRead[] Reads =
    [
        Read("s1", "A", (Grading, Invalid), (Appearance, Typical)),
        Read("s1", "B", (Appearance, Typical)),
        Read("s1", "C", (Appearance, Typical), (Grading, Mild)),
        Read("s2", "A", (Appearance, Negative), (Grading, Mild)),
        Read("s2", "B", (Appearance, Negative)),
        Read("s2", "C", (Appearance, Negative)),
        Read("s3", "A", (Appearance, Typical), (Appearance, "Atypical Appearance"), (Grading, Moderate)),
        Read("s3", "B", (Appearance, Typical), (Grading, Moderate)),
        Read("s3", "C", (Appearance, Typical), (Grading, Moderate)),
    ];

    [Fact]
    public void An_appearance_beside_Invalid_Study_is_not_rated_and_Invalid_Study_is_rated_in_its_own_group()
    {
        var appearance = RatingTable.ForGroup(Cxr, Group(Appearance), Reads);
        Assert.Equal(["A", "B", "C"], appearance.Readers);
        Assert.Equal(RatingTable.Missing, Cell(appearance, "s1", "A"));
        Assert.Equal(Typical, appearance.Categories[Cell(appearance, "s1", "B")]);
        Assert.Equal(RatingTable.Missing, Cell(appearance, "s3", "A")); // two appearances: a conflict
        Assert.Equal(Negative, appearance.Categories[Cell(appearance, "s2", "A")]);

        var grading = RatingTable.ForGroup(Cxr, Group(Grading), Reads);
        Assert.Equal(Invalid, grading.Categories[Cell(grading, "s1", "A")]);
        Assert.Equal(RatingTable.Missing, Cell(grading, "s2", "A")); // a grade on a Negative read
        Assert.Equal(Moderate, grading.Categories[Cell(grading, "s3", "A")]); // the conflict is the appearance's only

        // The statistics count only the rated pairs: in Appearance, A and B share s2 alone (s1 and s3 out of scope or conflicting).
        var result = CategoricalAgreementCalculator.Compute(appearance, new AgreementOptions(BootstrapResamples: 0));
        Assert.Equal(1, result.Pairs.Single(p => p is { ReaderA: "A", ReaderB: "B" }).Studies);
        Assert.Equal(3, result.Pairs.Single(p => p is { ReaderA: "B", ReaderB: "C" }).Studies);
    }

    [Fact]
    public void Every_rating_is_the_vote_the_consensus_engine_counts_where_that_vote_is_a_label_of_the_group()
    {
        var engine = new ConsensusEngine();
        foreach (var group in Cxr.Groups)
        {
            var table = RatingTable.ForGroup(Cxr, group, Reads);
            foreach (var study in Reads.GroupBy(r => r.Study))
            {
                var consensus = engine.Compute(Cxr, [.. study.Select(r => r.Read)]).For(group.Name)!;
                // Each vote the engine counts that is a category of the group is one rating in the table, and no other.
                var rated = study.Select(r => Cell(table, study.Key, r.Reader)).Where(c => c != RatingTable.Missing)
                    .GroupBy(c => table.Categories[c]).ToDictionary(g => g.Key, g => g.Count());
                var counted = consensus.Votes.Where(v => group.Labels.Any(l => l.Name == v.Label)).ToDictionary(v => v.Label, v => v.Count);
                Assert.Equal(counted.OrderBy(kv => kv.Key), rated.OrderBy(kv => kv.Key));
            }
        }
    }

    private static LabelGroup Group(string name) => Cxr.Groups.Single(g => g.Name == name);

    private static int Cell(RatingTable table, string study, string reader)
    {
        int s = table.Studies.ToList().IndexOf(study);
        int r = table.Readers.ToList().IndexOf(reader);
        return s < 0 || r < 0 ? RatingTable.Missing : table[s, r];
    }

    private static StudyRead Read(string study, string reader, params (string Group, string Label)[] labels) =>
        new(study, reader, new ReadContent([.. labels.Select(l => new ReadLabel(l.Group, l.Label))], []));
}
