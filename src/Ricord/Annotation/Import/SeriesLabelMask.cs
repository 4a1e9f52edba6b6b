namespace Ricord.Annotation.Import;

/// <summary>
/// One reader's mask of one label on one series, for verification: per non-empty slice (geometric index) the runs
/// start, length, … with start = row · columns + column — the same convention as <c>truth/masks/*.rle</c>.
/// </summary>
public sealed record SeriesLabelMask(
    string SeriesInstanceUid,
    string Reader,
    bool IsAdjudication,
    string Label,
    int Rows,
    int Columns,
    int Slices,
    IReadOnlyDictionary<int, int[]> Runs)
{
    public long Voxels => Runs.Values.Sum(r => Mdai.MaskRuns.Count(r));

    /// <summary>The slice as a rows × columns mask (1 inside).</summary>
    public byte[] Slice(int k)
    {
        var mask = new byte[Rows * Columns];
        if (Runs.TryGetValue(k, out var runs))
        {
            Mdai.MaskRuns.Paint(runs, mask);
        }

        return mask;
    }
}
