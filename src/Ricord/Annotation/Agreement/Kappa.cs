namespace Ricord.Annotation.Agreement;

/// <summary>
/// The κ formulas, on counts (doubles, so bootstrap multiplicities can weight studies). An undefined value
/// is NaN with a reason, never an exception: chance agreement of 1 (every rating in one and the same
/// category) leaves κ = 0/0.
/// </summary>
public static class Kappa
{
    public const string NoStudiesReason = "no study rated by both";
    public const string ChanceIsOneReason = "all ratings in one category (chance agreement is 1)";
    public const string NoMultipleRatingsReason = "no study has two or more ratings";
    public const string NoRankedReason = "no study where both categories are ranked";

    /// <summary>
    /// Cohen's κ = (Po − Pe) / (1 − Pe) of a k × k confusion matrix (row-major), Po the diagonal share and
    /// Pe = Σ row_i · col_i / N² (Cohen 1960).
    /// </summary>
    public static double Cohen(ReadOnlySpan<double> counts, int k, out string? undefined)
    {
        CheckSquare(counts, k);
        Span<double> rows = k <= 64 ? stackalloc double[k] : new double[k];
        Span<double> cols = k <= 64 ? stackalloc double[k] : new double[k];
        rows.Clear();
        cols.Clear();
        double n = 0, diagonal = 0;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double c = counts[(i * k) + j];
                rows[i] += c;
                cols[j] += c;
                n += c;
            }

            diagonal += counts[(i * k) + i];
        }

        if (n <= 0)
        {
            undefined = NoStudiesReason;
            return double.NaN;
        }

        double pe = 0;
        for (int i = 0; i < k; i++)
        {
            pe += rows[i] * cols[i];
        }

        return Ratio(diagonal / n, pe / (n * n), out undefined);
    }

    /// <summary>
    /// Cohen's weighted κ (Cohen 1968) with agreement weights w (k × k, 1 on the diagonal):
    /// κw = (Σ w_ij p_ij − Σ w_ij p_i. p_.j) / (1 − Σ w_ij p_i. p_.j). Categories whose weight row is NaN
    /// (no rank) are left out with every study that used them, marginals included.
    /// </summary>
    public static double Weighted(ReadOnlySpan<double> counts, int k, ReadOnlySpan<double> weights, out string? undefined)
    {
        CheckSquare(counts, k);
        CheckSquare(weights, k);
        Span<double> rows = k <= 64 ? stackalloc double[k] : new double[k];
        Span<double> cols = k <= 64 ? stackalloc double[k] : new double[k];
        rows.Clear();
        cols.Clear();
        double n = 0, observed = 0;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double w = weights[(i * k) + j];
                if (double.IsNaN(w))
                {
                    continue;
                }

                double c = counts[(i * k) + j];
                rows[i] += c;
                cols[j] += c;
                n += c;
                observed += w * c;
            }
        }

        if (n <= 0)
        {
            undefined = NoRankedReason;
            return double.NaN;
        }

        double expected = 0;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double w = weights[(i * k) + j];
                if (!double.IsNaN(w))
                {
                    expected += w * rows[i] * cols[j];
                }
            }
        }

        return Ratio(observed / n, expected / (n * n), out undefined);
    }

    /// <summary>
    /// The k × k agreement weights for ranked categories (see <see cref="KappaWeighting"/>); NaN in the rows and
    /// columns of unranked categories. The span d is the largest minus the smallest rank of the group.
    /// </summary>
    public static double[] AgreementWeights(IReadOnlyList<int?> ranks, KappaWeighting weighting)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        int k = ranks.Count;
        var ranked = ranks.Where(r => r is not null).Select(r => r!.Value).ToList();
        double span = ranked.Count < 2 ? 0 : ranked.Max() - ranked.Min();
        var w = new double[k * k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                if (ranks[i] is not int ri || ranks[j] is not int rj || span == 0)
                {
                    w[(i * k) + j] = double.NaN;
                    continue;
                }

                double d = Math.Abs(ri - rj) / span;
                w[(i * k) + j] = weighting == KappaWeighting.Linear ? 1 - d : 1 - (d * d);
            }
        }

        return w;
    }

    /// <summary>
    /// Fleiss' κ (Fleiss 1971) from subject × category counts, allowing a varying number of raters n_i per
    /// subject: subjects with n_i &lt; 2 are left out; P_i = Σ_j n_ij (n_ij − 1) / (n_i (n_i − 1)); P̄ the mean
    /// P_i; p_j = Σ_i n_ij / Σ_i n_i pooled over the included ratings; Pe = Σ p_j²; κ = (P̄ − Pe) / (1 − Pe).
    /// With the same n for every subject this is exactly Fleiss' statistic.
    /// </summary>
    public static double Fleiss(int[,] counts, out string? undefined)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int n = counts.GetLength(0), k = counts.GetLength(1);
        var flat = new int[n * k];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < k; j++)
            {
                flat[(i * k) + j] = counts[i, j];
            }
        }

        var ones = new int[n];
        Array.Fill(ones, 1);
        return FleissCore(flat, k, ones, new double[k], out _, out _, out undefined);
    }

    /// <summary>Fleiss' κ with each subject counted <paramref name="multiplicity"/> times; also the mean pairwise agreement P̄ and the unanimous share.</summary>
    internal static double FleissCore(ReadOnlySpan<int> counts, int k, ReadOnlySpan<int> multiplicity, Span<double> categoryTotals, out double meanAgreement, out double unanimity, out string? undefined)
    {
        categoryTotals.Clear();
        double subjects = 0, agreementSum = 0, unanimous = 0, ratings = 0;
        for (int i = 0; i < multiplicity.Length; i++)
        {
            int m = multiplicity[i];
            if (m == 0)
            {
                continue;
            }

            var row = counts.Slice(i * k, k);
            int ni = 0, pairs = 0, max = 0;
            foreach (int c in row)
            {
                ni += c;
                pairs += c * (c - 1);
                max = Math.Max(max, c);
            }

            if (ni < 2)
            {
                continue;
            }

            subjects += m;
            ratings += (double)m * ni;
            agreementSum += m * ((double)pairs / (ni * (ni - 1)));
            unanimous += max == ni ? m : 0;
            for (int j = 0; j < k; j++)
            {
                categoryTotals[j] += (double)m * row[j];
            }
        }

        if (subjects == 0)
        {
            meanAgreement = unanimity = double.NaN;
            undefined = NoMultipleRatingsReason;
            return double.NaN;
        }

        meanAgreement = agreementSum / subjects;
        unanimity = unanimous / subjects;
        double pe = 0;
        foreach (double t in categoryTotals)
        {
            pe += (t / ratings) * (t / ratings);
        }

        return Ratio(meanAgreement, pe, out undefined);
    }

    private static double Ratio(double po, double pe, out string? undefined)
    {
        if (1 - pe < 1e-12)
        {
            undefined = ChanceIsOneReason;
            return double.NaN;
        }

        undefined = null;
        return (po - pe) / (1 - pe);
    }

    private static void CheckSquare(ReadOnlySpan<double> values, int k)
    {
        if (values.Length != k * k)
        {
            throw new ArgumentException($"expected {k} × {k} values, got {values.Length}");
        }
    }
}
