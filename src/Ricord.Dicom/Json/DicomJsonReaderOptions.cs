namespace Ricord.Dicom;

/// <summary>Options for <see cref="DicomJsonReader"/>.</summary>
public sealed class DicomJsonReaderOptions
{
    public static DicomJsonReaderOptions Default { get; } = new();

    /// <summary>
    /// Fetches the value behind a "BulkDataURI". Without it, such an element is kept as a
    /// <see cref="DicomBulkDataElement"/>: empty value, URI remembered, written back unchanged.
    /// </summary>
    public Func<string, DicomVR, DicomBuffer>? BulkDataResolver { get; init; }
}
