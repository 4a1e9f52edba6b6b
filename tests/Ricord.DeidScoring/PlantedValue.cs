using Ricord.Dicom;

namespace Ricord.DeidScoring;

/// <summary>
/// One planted value: which file, where (the sequence path down to the element; <see cref="InMeta"/> for the
/// File Meta group), its VR, the bytes written, the distinctive needle inside them (null for values that
/// cannot be told apart from others in the output: dates, ages, small numbers) and the place class it tests.
/// </summary>
public sealed record PlantedValue(int File, IReadOnlyList<PathStep> Path, DicomVR VR, byte[] Value, string? Needle, string Place, bool InMeta)
{
    public PathStep Element => Path[^1];

    public IEnumerable<PathStep> Ancestors => Path.Take(Path.Count - 1);

    public int Depth => Path.Count - 1;

    /// <summary>Tag path such as (0040,0275)[0]/(0008,1032)[0]/(0008,0104); meta values are prefixed "meta/".</summary>
    public string Where => (InMeta ? "meta/" : "") + string.Join('/', Path);
}
