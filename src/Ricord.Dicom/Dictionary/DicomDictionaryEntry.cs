namespace Ricord.Dicom;

/// <summary>
/// One PS3.6 data dictionary entry. <see cref="Mask"/> marks repeating groups: a tag matches when
/// (tag &amp; Mask) == (Tag &amp; Mask), e.g. 0xFF00FFFF for (60xx,3000).
/// </summary>
public sealed record DicomDictionaryEntry(
    DicomTag Tag,
    uint Mask,
    DicomVR[] ValueRepresentations,
    string ValueMultiplicity,
    string Keyword,
    string Name,
    bool IsRetired)
{
    /// <summary>The VR to use when the encoding does not say (implicit VR): the first listed.</summary>
    public DicomVR DefaultVR => ValueRepresentations.Length > 0 ? ValueRepresentations[0] : DicomVR.UN;
}
