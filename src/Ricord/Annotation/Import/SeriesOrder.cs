namespace Ricord.Annotation.Import;

/// <summary>
/// A series' slices in geometric order (by Image Position (Patient) along the slice normal, never Instance Number or
/// file order): slice index k = position in <see cref="SopInstanceUids"/>. Instances left out of the volume
/// (duplicates, other stacks, no geometry) are in <see cref="LeftOut"/> with the reason. Series without geometry
/// (radiographs) have <see cref="IsVolume"/> false and their instances in UID order.
/// </summary>
public sealed record SeriesOrder(
    string SeriesInstanceUid,
    string StudyInstanceUid,
    int Rows,
    int Columns,
    bool IsVolume,
    IReadOnlyList<string> SopInstanceUids,
    IReadOnlyDictionary<string, string> LeftOut,
    IReadOnlyList<string> Issues)
{
    private readonly Dictionary<string, int> _slices = SopInstanceUids.Select((uid, k) => (uid, k)).ToDictionary(x => x.uid, x => x.k, StringComparer.Ordinal);

    /// <summary>The slice index of an instance, or null when it is not in the ordered volume.</summary>
    public int? SliceOf(string sopInstanceUid) => _slices.TryGetValue(sopInstanceUid, out int k) ? k : null;
}
