namespace Ricord.Annotation.Agreement;

/// <summary>
/// Every label agreement statistic of one <see cref="RatingTable"/>, with bootstrap percentile intervals
/// (studies resampled with replacement, the whole statistic recomputed on each resample; seeded, so the same
/// table and options give the same numbers). Pairs use only the studies both sides rated.
/// </summary>
public static partial class CategoricalAgreementCalculator
{
    /// <summary>The name used for the consensus side of reader-versus-consensus pairs.</summary>
    public const string ConsensusName = "consensus";

    public static CategoricalAgreement Compute(RatingTable table, AgreementOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= AgreementOptions.Default;
        int n = table.Studies.Count, r = table.Readers.Count, k = table.Categories.Count;
        var counts = new int[n * k];
        var ratings = table.Codes;
        for (int s = 0; s < n; s++)
        {
            for (int j = 0; j < r; j++)
            {
                int c = ratings[(s * r) + j];
                if (c >= 0)
                {
                    counts[(s * k) + c]++;
                }
            }
        }

        var consensus = Consensus(table, counts);
        var pairs = new List<PairInput>();
        for (int a = 0; a < r; a++)
        {
            for (int b = a + 1; b < r; b++)
            {
                pairs.Add(PairInput.Of(table.Readers[a], table.Readers[b], s => table[s, a], s => table[s, b], n, k));
            }
        }

        int readerPairs = pairs.Count;
        for (int a = 0; a < r; a++)
        {
            pairs.Add(PairInput.Of(table.Readers[a], ConsensusName, s => table[s, a], s => consensus[s], n, k));
        }

        var evaluator = new Evaluator(counts, k, pairs, table.IsOrdinal ? table.Ranks : null);
        var point = evaluator.Evaluate(Ones(n));
        var estimates = Bootstrap(evaluator, point, n, options, table.Group);
        var results = pairs.Select((p, i) => p.ToResult(table.Categories, estimates, Evaluator.GroupStatistics + (i * Evaluator.PairStatistics), table.IsOrdinal)).ToList();
        int multiplyRated = Enumerable.Range(0, n).Count(s => CountRatings(counts, s, k) >= 2);
        return new CategoricalAgreement(
            table.Group, table.Categories, table.Readers, n, multiplyRated,
            estimates[0], estimates[1], estimates[2], results[..readerPairs], results[readerPairs..]);
    }

    /// <summary>The given consensus, or the strict majority of the ratings of each study with two or more (ties: none).</summary>
    private static int[] Consensus(RatingTable table, int[] counts)
    {
        int n = table.Studies.Count, k = table.Categories.Count;
        var result = new int[n];
        for (int s = 0; s < n; s++)
        {
            if (table.HasConsensus)
            {
                result[s] = table.ConsensusOf(s);
                continue;
            }

            int total = CountRatings(counts, s, k);
            result[s] = RatingTable.Missing;
            for (int c = 0; c < k && total >= 2; c++)
            {
                if (2 * counts[(s * k) + c] > total)
                {
                    result[s] = c;
                }
            }
        }

        return result;
    }

    private static int CountRatings(int[] counts, int study, int k)
    {
        int total = 0;
        for (int c = 0; c < k; c++)
        {
            total += counts[(study * k) + c];
        }

        return total;
    }

    private static int[] Ones(int n)
    {
        var w = new int[n];
        Array.Fill(w, 1);
        return w;
    }
}
