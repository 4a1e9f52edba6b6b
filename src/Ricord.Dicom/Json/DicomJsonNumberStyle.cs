namespace Ricord.Dicom;

/// <summary>How <see cref="DicomJsonWriter"/> writes IS, DS, SV and UV values (PS3.18 F.2.3, CP 1861 allows either).</summary>
public enum DicomJsonNumberStyle
{
    /// <summary>
    /// JSON numbers. An IS or DS value is written with its exact DICOM text (so "1.50" stays 1.50); a value
    /// whose text is not a valid JSON number ("+1", ".5", "1.") is written as a JSON string so nothing is lost.
    /// </summary>
    Number,

    /// <summary>JSON strings holding the exact DICOM text (IS, DS) or the decimal digits (SV, UV).</summary>
    String,
}
