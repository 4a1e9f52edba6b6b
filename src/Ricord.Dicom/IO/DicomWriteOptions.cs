namespace Ricord.Dicom;

/// <summary>How to write a DICOM file.</summary>
public sealed class DicomWriteOptions
{
    public static DicomWriteOptions Default { get; } = new();

    /// <summary>Target transfer syntax; null keeps the file's own.</summary>
    public DicomTransferSyntax? TransferSyntax { get; init; }

    /// <summary>Write the 128-byte preamble and "DICM" (Part 10). False writes the bare meta group and data set.</summary>
    public bool WritePreamble { get; init; } = true;

    /// <summary>Compression level for Deflated Explicit VR Little Endian.</summary>
    public System.IO.Compression.CompressionLevel DeflateLevel { get; init; } = System.IO.Compression.CompressionLevel.Optimal;
}
