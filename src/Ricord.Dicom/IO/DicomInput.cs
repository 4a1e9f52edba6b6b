namespace Ricord.Dicom;

/// <summary>Random access to the bytes being parsed: a memory block or a file read through a window.</summary>
internal abstract class DicomInput
{
    /// <summary>Total length in bytes.</summary>
    public abstract long Length { get; }

    /// <summary><paramref name="count"/> bytes at <paramref name="offset"/>; the caller has checked the range.</summary>
    public abstract ReadOnlySpan<byte> Get(long offset, int count);

    /// <summary>A buffer over a value; may be a lazy file range when <paramref name="lazy"/> is allowed.</summary>
    public abstract DicomBuffer Slice(long offset, long length, bool lazy, int swapUnit);
}
