namespace Ricord.Annotation.Agreement;

/// <summary>
/// Counts of studies by (first reader's category, second reader's category) over the studies both rated.
/// Rows are the first reader (or the reader, against consensus), columns the second (or the consensus).
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly long[] _counts;

    public ConfusionMatrix(IReadOnlyList<string> categories, long[] counts)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Length != categories.Count * categories.Count)
        {
            throw new ArgumentException("counts must hold categories × categories cells", nameof(counts));
        }

        Categories = categories;
        _counts = counts;
    }

    public IReadOnlyList<string> Categories { get; }

    public long this[int row, int column] => _counts[(row * Categories.Count) + column];

    public long Total => _counts.Sum();

    /// <summary>Studies on the diagonal (both said the same category).</summary>
    public long Agreeing
    {
        get
        {
            long sum = 0;
            for (int i = 0; i < Categories.Count; i++)
            {
                sum += this[i, i];
            }

            return sum;
        }
    }
}
