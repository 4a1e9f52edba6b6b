
namespace Ricord.Annotation.Agreement;

public static partial class CategoricalAgreementCalculator
{
    /// <summary>
    /// Percentile bootstrap: B resamples of the studies with replacement (as multiplicities), each statistic
    /// recomputed; the interval is the (1 − c)/2 and (1 + c)/2 quantiles (linear interpolation between order
    /// statistics) of the resamples where it is defined. The generator is the project's seeded xoshiro256**
    /// keyed by the group name, so intervals do not depend on the order groups are computed in.
    /// </summary>
    private static Estimate[] Bootstrap(Evaluator evaluator, (double[] Values, string?[] Notes) point, int n, AgreementOptions options, string group)
    {
        int stats = point.Values.Length, b = n == 0 ? 0 : Math.Max(0, options.BootstrapResamples);
        var replicates = new double[stats][];
        for (int s = 0; s < stats; s++)
        {
            replicates[s] = new double[b];
        }

        var rng = SeededRandom.For(options.Seed, "agreement-bootstrap/" + group);
        var multiplicity = new int[n];
        for (int i = 0; i < b; i++)
        {
            Array.Clear(multiplicity);
            for (int j = 0; j < n; j++)
            {
                multiplicity[rng.Next(0, n)]++;
            }

            var values = evaluator.Evaluate(multiplicity).Values;
            for (int s = 0; s < stats; s++)
            {
                replicates[s][i] = values[s];
            }
        }

        double alpha = (1 - options.Confidence) / 2;
        var result = new Estimate[stats];
        for (int s = 0; s < stats; s++)
        {
            var defined = replicates[s].Where(v => !double.IsNaN(v)).ToArray();
            Array.Sort(defined);
            double lower = Quantile(defined, alpha), upper = Quantile(defined, 1 - alpha);
            result[s] = new Estimate(point.Values[s], lower, upper, defined.Length, point.Notes[s]);
        }

        return result;
    }

    /// <summary>The q-quantile of sorted values (Hyndman–Fan type 7, as R's default); NaN when empty.</summary>
    internal static double Quantile(double[] sorted, double q)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        double h = (sorted.Length - 1) * q;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
