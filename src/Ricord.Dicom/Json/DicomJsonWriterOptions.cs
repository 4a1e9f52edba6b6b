namespace Ricord.Dicom;

/// <summary>Options for <see cref="DicomJsonWriter"/>.</summary>
public sealed class DicomJsonWriterOptions
{
    public static DicomJsonWriterOptions Default { get; } = new();

    /// <summary>Indent the output for people to read.</summary>
    public bool Indented { get; init; }

    public DicomJsonNumberStyle NumberStyle { get; init; } = DicomJsonNumberStyle.Number;

    /// <summary>
    /// Asked for a URI for each binary value (OB, OD, OF, OL, OV, OW, UN) of at least
    /// <see cref="BulkDataThreshold"/> bytes, and for every encapsulated pixel data element. A URI
    /// is written as "BulkDataURI"; null keeps the value inline as "InlineBinary" (PS3.18 F.2.7).
    /// </summary>
    public Func<DicomElement, string?>? BulkDataUri { get; init; }

    /// <summary>Binary values shorter than this many bytes are always written inline.</summary>
    public long BulkDataThreshold { get; init; } = 1024;
}
