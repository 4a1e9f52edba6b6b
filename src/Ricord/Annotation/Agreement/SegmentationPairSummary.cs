namespace Ricord.Annotation.Agreement;

/// <summary>
/// One label's agreement of one reader pair (or reader and consensus) over studies: mean Dice and IoU over
/// the studies where they are defined (<see cref="DefinedStudies"/>), pooled Dice 2Σ|A∩B| / Σ(|A| + |B|),
/// and the mean signed and absolute volume difference (mL) over all <see cref="Studies"/>.
/// </summary>
public sealed record SegmentationPairSummary(
    string Label,
    string ReaderA,
    string ReaderB,
    int Studies,
    int DefinedStudies,
    double MeanDice,
    double MeanIou,
    double PooledDice,
    double MeanVolumeDifferenceMl,
    double MeanAbsoluteVolumeDifferenceMl);
