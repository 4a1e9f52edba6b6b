namespace Ricord.Annotation.Agreement;

/// <summary>Two rating columns reduced to what the statistics need: the studies both rated and each one's confusion cell.</summary>
internal sealed class PairInput
{
    private PairInput(string readerA, string readerB, int[] studies, int[] cells)
    {
        ReaderA = readerA;
        ReaderB = readerB;
        Studies = studies;
        Cells = cells;
    }

    public string ReaderA { get; }

    public string ReaderB { get; }

    public int[] Studies { get; }

    /// <summary>a · k + b for each study in <see cref="Studies"/>.</summary>
    public int[] Cells { get; }

    public static PairInput Of(string readerA, string readerB, Func<int, int> a, Func<int, int> b, int studies, int k)
    {
        var both = new List<int>();
        var cells = new List<int>();
        for (int s = 0; s < studies; s++)
        {
            int ca = a(s), cb = b(s);
            if (ca >= 0 && cb >= 0)
            {
                both.Add(s);
                cells.Add((ca * k) + cb);
            }
        }

        return new PairInput(readerA, readerB, [.. both], [.. cells]);
    }

    public void Accumulate(ReadOnlySpan<int> multiplicity, Span<double> counts)
    {
        counts.Clear();
        for (int i = 0; i < Studies.Length; i++)
        {
            counts[Cells[i]] += multiplicity[Studies[i]];
        }
    }

    public PairAgreement ToResult(IReadOnlyList<string> categories, Estimate[] estimates, int offset, bool ordinal)
    {
        int k = categories.Count;
        var counts = new long[k * k];
        foreach (int cell in Cells)
        {
            counts[cell]++;
        }

        return new PairAgreement(
            ReaderA, ReaderB, Studies.Length, estimates[offset], estimates[offset + 1],
            ordinal ? estimates[offset + 2] : null, ordinal ? estimates[offset + 3] : null,
            new ConfusionMatrix(categories, counts));
    }
}
