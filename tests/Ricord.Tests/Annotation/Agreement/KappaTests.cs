using Ricord.Annotation.Agreement;

namespace Ricord.Tests.Annotation.Agreement;

public sealed class KappaTests
{
    /// <summary>
    /// Fleiss (1971) as on Wikipedia's "Fleiss' kappa" page: 10 subjects, 14 raters, 5 categories.
    /// p_j = 0.143, 0.200, 0.279, 0.150, 0.229; P̄ = 0.378; Pe = 0.213; κ = 0.210.
    /// </summary>
    internal static readonly int[,] FleissExample =
    {
        { 0, 0, 0, 0, 14 },
        { 0, 2, 6, 4, 2 },
        { 0, 0, 3, 5, 6 },
        { 0, 3, 9, 2, 0 },
        { 2, 2, 8, 1, 1 },
        { 7, 7, 0, 0, 0 },
        { 3, 2, 6, 3, 0 },
        { 2, 5, 3, 2, 2 },
        { 6, 5, 2, 1, 0 },
        { 0, 2, 2, 3, 7 },
    };

    [Fact]
    public void Fleiss_worked_example_gives_0_210()
    {
        double kappa = Kappa.Fleiss(FleissExample, out var undefined);
        Assert.Null(undefined);
        Assert.Equal(0.210, kappa, 0.0005);

        // Exactly (0.378022 − 0.212755) / (1 − 0.212755) from the table's sums.
        Assert.Equal(0.20993070442195522, kappa, 1e-12);
    }

    [Fact]
    public void Fleiss_with_a_varying_number_of_raters_leaves_out_single_ratings()
    {
        // Subjects: {A, A}, {A, B}, {B, B}, {A} (one rating: left out), {A, A, A}.
        // P_i = 1, 0, 1, 1 → P̄ = 3/4; pooled p = (6/9, 3/9) → Pe = 5/9; κ = (3/4 − 5/9) / (4/9) = 7/16.
        int[,] counts = { { 2, 0 }, { 1, 1 }, { 0, 2 }, { 1, 0 }, { 3, 0 } };
        Assert.Equal(7.0 / 16, Kappa.Fleiss(counts, out _), 1e-12);
    }

    [Fact]
    public void Fleiss_is_undefined_with_a_reason_when_every_rating_is_one_category_or_no_subject_has_two()
    {
        Assert.True(double.IsNaN(Kappa.Fleiss(new[,] { { 3, 0 }, { 3, 0 } }, out var reason)));
        Assert.Equal(Kappa.ChanceIsOneReason, reason);
        Assert.True(double.IsNaN(Kappa.Fleiss(new[,] { { 1, 0 }, { 0, 1 } }, out reason)));
        Assert.Equal(Kappa.NoMultipleRatingsReason, reason);
    }

    [Fact]
    public void Cohen_worked_example_of_50_proposals_gives_0_4()
    {
        // Wikipedia "Cohen's kappa": A yes/B yes 20, A yes/B no 5, A no/B yes 10, both no 15.
        // Po = 35/50 = 0.7; Pe = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.4.
        Assert.Equal(0.4, Kappa.Cohen([20, 5, 10, 15], 2, out var undefined), 1e-12);
        Assert.Null(undefined);
    }

    /// <summary>
    /// Hand computation, 3 ordered categories, N = 20, rows (7, 6, 7), columns (7, 6, 7):
    /// <code>
    ///   5 2 0
    ///   1 4 1
    ///   1 0 6
    /// </code>
    /// Unweighted: Po = 15/20, Pe = (49 + 36 + 49)/400 = 0.335, κ = 0.415/0.665 = 83/133.
    /// Linear (w = 1, ½, 0): Po = 0.75 + ½·4/20 = 0.85; Pe = (134 + ½·168)/400 = 0.545; κ = 0.305/0.455 = 61/91.
    /// Quadratic (w = 1, ¾, 0): Po = 0.75 + ¾·4/20 = 0.9; Pe = (134 + ¾·168)/400 = 0.65; κ = 0.25/0.35 = 5/7.
    /// (168 = the products row_i·col_j of the four cells one step off the diagonal: 4 × 42.)
    /// </summary>
    [Fact]
    public void Weighted_kappa_matches_a_hand_computation()
    {
        double[] m = [5, 2, 0, 1, 4, 1, 1, 0, 6];
        int?[] ranks = [1, 2, 3];
        Assert.Equal(83.0 / 133, Kappa.Cohen(m, 3, out _), 1e-12);
        Assert.Equal(61.0 / 91, Kappa.Weighted(m, 3, Kappa.AgreementWeights(ranks, KappaWeighting.Linear), out _), 1e-12);
        Assert.Equal(5.0 / 7, Kappa.Weighted(m, 3, Kappa.AgreementWeights(ranks, KappaWeighting.Quadratic), out _), 1e-12);
    }

    [Fact]
    public void Weighted_kappa_leaves_out_unranked_categories_and_their_studies()
    {
        // A fourth, unranked category (e.g. Invalid Study) with counts everywhere in its row and column: same κw as without it.
        double[] m = [5, 2, 0, 9, 1, 4, 1, 3, 1, 0, 6, 2, 7, 1, 1, 8];
        int?[] ranks = [1, 2, 3, null];
        Assert.Equal(61.0 / 91, Kappa.Weighted(m, 4, Kappa.AgreementWeights(ranks, KappaWeighting.Linear), out _), 1e-12);
    }

    [Fact]
    public void Weighted_kappa_with_two_categories_equals_cohen()
    {
        double[] m = [20, 5, 10, 15];
        Assert.Equal(0.4, Kappa.Weighted(m, 2, Kappa.AgreementWeights([0, 1], KappaWeighting.Quadratic), out _), 1e-12);
    }

    [Fact]
    public void Cohen_is_undefined_with_a_reason_not_an_exception()
    {
        Assert.True(double.IsNaN(Kappa.Cohen([7, 0, 0, 0], 2, out var reason)));
        Assert.Equal(Kappa.ChanceIsOneReason, reason);
        Assert.True(double.IsNaN(Kappa.Cohen([0, 0, 0, 0], 2, out reason)));
        Assert.Equal(Kappa.NoStudiesReason, reason);
    }

    [Fact]
    public void Perfect_disagreement_on_two_balanced_categories_is_minus_one()
    {
        Assert.Equal(-1, Kappa.Cohen([0, 5, 5, 0], 2, out _), 1e-12);
    }
}
