namespace Ricord.Dicom;

/// <summary>How to read a DICOM file or stream.</summary>
public sealed class DicomReadOptions
{
    public static DicomReadOptions Default { get; } = new();

    /// <summary>Stop at the top-level Pixel Data (or Float/Double Float Pixel Data) element: fast indexing of headers.</summary>
    public bool StopBeforePixelData { get; init; }

    /// <summary>Values at least this long are left in the file and read on demand (file inputs only).</summary>
    public long LazyThreshold { get; init; } = 64 * 1024;

    /// <summary>File name or other label used in error messages.</summary>
    public string? SourceName { get; init; }

    /// <summary>Deepest sequence nesting accepted before the input is declared malformed.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Largest inflated size of a Deflated Explicit VR Little Endian data set.</summary>
    public long MaxInflatedBytes { get; init; } = 1L << 30;
}
