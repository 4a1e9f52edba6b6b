namespace Ricord.Annotation.Agreement;

/// <summary>
/// Agreement of every reader's mask of one label on one study: each volume, each reader pair's overlap, and,
/// with two or more readers, the strict-majority consensus mask (<see cref="MaskVolume.Majority"/>) and each
/// reader against it.
/// </summary>
public sealed record SegmentationAgreement(
    string Study,
    string Label,
    VoxelGeometry Geometry,
    IReadOnlyList<ReaderVolume> Readers,
    ReaderVolume? Consensus,
    IReadOnlyList<MaskOverlap> Pairs,
    IReadOnlyList<MaskOverlap> VersusConsensus)
{
    /// <summary>The study's PatientID in the catalog (published, or the pseudonym); null where not known.</summary>
    public string? Patient { get; init; }
}
