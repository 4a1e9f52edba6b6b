namespace Ricord.Dicom;

/// <summary>
/// The PS3.6 data dictionary. PROVISIONAL stub: replaced by the generated dictionary.
/// </summary>
public static class DicomDictionary
{
    private static readonly Dictionary<uint, DicomDictionaryEntry> Entries = new()
    {
        [0x00020010] = new(new DicomTag(0x00020010), 0xFFFFFFFF, [DicomVR.UI], "1", "TransferSyntaxUID", "Transfer Syntax UID", false),
        [0x00080005] = new(new DicomTag(0x00080005), 0xFFFFFFFF, [DicomVR.CS], "1-n", "SpecificCharacterSet", "Specific Character Set", false),
        [0x7FE00010] = new(new DicomTag(0x7FE00010), 0xFFFFFFFF, [DicomVR.OB, DicomVR.OW], "1", "PixelData", "Pixel Data", false),
    };

    /// <summary>The entry for a tag, including repeating-group entries; null for unknown and private tags.</summary>
    public static DicomDictionaryEntry? Find(DicomTag tag) => Entries.GetValueOrDefault(tag.Value);

    public static DicomDictionaryEntry? Find(string keyword) => Entries.Values.FirstOrDefault(e => e.Keyword == keyword);

    /// <summary>The VR an implicit-VR reader uses for a tag (PS3.5 A.1): dictionary VR, UL for group lengths, LO for private creators, else UN.</summary>
    public static DicomVR ImplicitVR(DicomTag tag)
    {
        if (tag.IsGroupLength)
        {
            return DicomVR.UL;
        }

        if (tag.IsPrivateCreator)
        {
            return DicomVR.LO;
        }

        return tag.IsPrivate ? DicomVR.UN : Find(tag)?.DefaultVR ?? DicomVR.UN;
    }
}
