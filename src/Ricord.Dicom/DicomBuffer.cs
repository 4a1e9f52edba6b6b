namespace Ricord.Dicom;

/// <summary>The bytes of one value, in little-endian order. Either in memory or a lazily read range of a file.</summary>
public abstract class DicomBuffer
{
    public abstract long Length { get; }

    /// <summary>True when the bytes are still on disk and are read on first access.</summary>
    public virtual bool IsLazy => false;

    /// <summary>The bytes; a lazy buffer reads them (once) on first call.</summary>
    public abstract ReadOnlyMemory<byte> Memory { get; }

    public ReadOnlySpan<byte> Span => Memory.Span;

    public virtual async ValueTask CopyToAsync(Stream destination, CancellationToken cancellationToken = default) =>
        await destination.WriteAsync(Memory, cancellationToken).ConfigureAwait(false);

    public static DicomBuffer Empty { get; } = new MemoryDicomBuffer(ReadOnlyMemory<byte>.Empty);

    public static DicomBuffer From(ReadOnlyMemory<byte> bytes) => bytes.IsEmpty ? Empty : new MemoryDicomBuffer(bytes);
}
