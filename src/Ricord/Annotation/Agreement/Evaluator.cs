namespace Ricord.Annotation.Agreement;

/// <summary>
/// Computes the vector of statistics of one table for given study multiplicities (all ones: the estimate;
/// a bootstrap draw: one replicate). Layout: percent agreement, unanimity, Fleiss' κ, then per pair
/// percent agreement, Cohen's κ, linear κw, quadratic κw.
/// </summary>
internal sealed class Evaluator(int[] counts, int k, IReadOnlyList<PairInput> pairs, IReadOnlyList<int?>? ranks)
{
    public const int GroupStatistics = 3;
    public const int PairStatistics = 4;

    private readonly double[]? _linear = ranks is null ? null : Kappa.AgreementWeights(ranks, KappaWeighting.Linear);
    private readonly double[]? _quadratic = ranks is null ? null : Kappa.AgreementWeights(ranks, KappaWeighting.Quadratic);
    private readonly double[] _cells = new double[k * k];
    private readonly double[] _totals = new double[k];

    public (double[] Values, string?[] Notes) Evaluate(ReadOnlySpan<int> multiplicity)
    {
        var values = new double[GroupStatistics + (pairs.Count * PairStatistics)];
        var notes = new string?[values.Length];
        values[2] = Kappa.FleissCore(counts, k, multiplicity, _totals, out values[0], out values[1], out notes[2]);
        notes[0] = notes[1] = double.IsNaN(values[0]) ? Kappa.NoMultipleRatingsReason : null;
        for (int p = 0; p < pairs.Count; p++)
        {
            int o = GroupStatistics + (p * PairStatistics);
            pairs[p].Accumulate(multiplicity, _cells);
            double total = 0, diagonal = 0;
            for (int i = 0; i < k; i++)
            {
                diagonal += _cells[(i * k) + i];
            }

            foreach (double c in _cells)
            {
                total += c;
            }

            values[o] = total > 0 ? diagonal / total : double.NaN;
            notes[o] = total > 0 ? null : Kappa.NoStudiesReason;
            values[o + 1] = Kappa.Cohen(_cells, k, out notes[o + 1]);
            values[o + 2] = _linear is null ? double.NaN : Kappa.Weighted(_cells, k, _linear, out notes[o + 2]);
            values[o + 3] = _quadratic is null ? double.NaN : Kappa.Weighted(_cells, k, _quadratic, out notes[o + 3]);
        }

        return (values, notes);
    }
}
