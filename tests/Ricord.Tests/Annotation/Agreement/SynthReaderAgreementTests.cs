using Ricord.Annotation.Agreement;
using Ricord.Synth;

namespace Ricord.Tests.Annotation.Agreement;

/// <summary>
/// The statistics against the synth reader models, whose expected agreement is known analytically
/// (<see cref="ExpectedAgreement"/>): thousands of simulated radiograph studies read by the three simulated
/// readers must give κ, percent agreement and unanimity near the analytic values.
/// </summary>
public sealed class SynthReaderAgreementTests
{
    private const ulong Seed = 424242;

    private static RatingTable Simulate(int studies, double p)
    {
        var rng = SeededRandom.For(Seed, "agreement-test-truth");
        var ratings = new List<Rating>();
        var prior = SynthPlanner.CxrClassPrior;
        for (int i = 0; i < studies; i++)
        {
            double u = rng.NextDouble();
            int truth = u < prior[0] ? 0 : u < prior[0] + prior[1] ? 1 : u < 1 - prior[3] ? 2 : 3;
            string? grade = truth == 3 ? null : rng.Pick(CxrReaderSimulation.Grades);
            string uid = $"1.2.826.0.1.3680043.10.543.{i}";
            var (reads, _) = CxrReaderSimulation.Read(Seed, uid, truth, grade, p);
            for (int r = 0; r < reads.Length; r++)
            {
                ratings.Add(new Rating(uid, $"reader{r}", SynthPlanner.CxrClasses[reads[r].Class]));
            }
        }

        return RatingTable.FromRatings("appearance", SynthPlanner.CxrClasses, ratings);
    }

    [Theory]
    [InlineData(0.8)]
    [InlineData(0.6)]
    public void Estimates_match_the_reader_model_analytically(double p)
    {
        var expected = ExpectedAgreement.For(p, SynthPlanner.CxrClassPrior);
        var result = CategoricalAgreementCalculator.Compute(Simulate(4000, p), new AgreementOptions(BootstrapResamples: 300));
        Assert.Equal(3, result.Pairs.Count);
        int covered = 0;
        foreach (var pair in result.Pairs)
        {
            Assert.Equal(4000, pair.Studies);
            Assert.InRange(pair.CohenKappa.Value, expected.Kappa - 0.03, expected.Kappa + 0.03);
            Assert.InRange(pair.PercentAgreement.Value, expected.PercentAgreement - 0.02, expected.PercentAgreement + 0.02);
            covered += pair.CohenKappa.Lower <= expected.Kappa && expected.Kappa <= pair.CohenKappa.Upper ? 1 : 0;
            Assert.InRange(pair.CohenKappa.Upper - pair.CohenKappa.Lower, 0.01, 0.1);
        }

        // 95% intervals: each covers the truth with probability 0.95, so at least two of three.
        Assert.True(covered >= 2, $"{covered} of 3 intervals cover κ = {expected.Kappa}");

        // Exchangeable readers with equal marginals: Fleiss' κ estimates the same κ; P̄ the pairwise agreement.
        Assert.InRange(result.FleissKappa.Value, expected.Kappa - 0.03, expected.Kappa + 0.03);
        Assert.InRange(result.PercentAgreement.Value, expected.PercentAgreement - 0.02, expected.PercentAgreement + 0.02);
        Assert.InRange(result.Unanimity.Value, expected.Unanimity - 0.02, expected.Unanimity + 0.02);
    }

    [Fact]
    public void Perfect_readers_agree_perfectly()
    {
        var result = CategoricalAgreementCalculator.Compute(Simulate(300, 1.0), new AgreementOptions(BootstrapResamples: 50));
        Assert.Equal(1.0, result.FleissKappa.Value, 1e-12);
        Assert.All(result.Pairs, p => Assert.Equal(1.0, p.CohenKappa.Value, 1e-12));
        Assert.All(result.VersusConsensus, p => Assert.Equal(1.0, p.CohenKappa.Value, 1e-12));
        Assert.Equal(1.0, result.Unanimity.Value);
    }
}
