using Ricord.Dicom;

namespace Ricord.DeidScoring;

/// <summary>One step of a planted value's path: the element (its VR as written, the private creator of its block
/// if private) and, for a sequence on the way down, the item index taken.</summary>
public sealed record PathStep(DicomTag Tag, DicomVR VR, int Item, string? Creator)
{
    public override string ToString() => Item >= 0 ? $"{Tag}[{Item}]" : Tag.ToString();
}
