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

    /// <summary>Copies the bytes into <paramref name="destination"/> (at least <see cref="Length"/> long). A lazy buffer
    /// reads them from its file straight into it and keeps nothing: the way to read bulk data into a buffer the caller
    /// reuses, with no array per value.</summary>
    public virtual void CopyTo(Span<byte> destination) => Memory.Span.CopyTo(destination);

    public virtual async ValueTask CopyToAsync(Stream destination, CancellationToken cancellationToken = default) =>
        await destination.WriteAsync(Memory, cancellationToken).ConfigureAwait(false);

    public static DicomBuffer Empty { get; } = new MemoryDicomBuffer(ReadOnlyMemory<byte>.Empty);

    public static DicomBuffer From(ReadOnlyMemory<byte> bytes) => bytes.IsEmpty ? Empty : new MemoryDicomBuffer(bytes);
}
