namespace Ricord.Dicom;

/// <summary>Bytes already in memory: values are zero-copy slices.</summary>
internal sealed class MemoryDicomInput(ReadOnlyMemory<byte> bytes) : DicomInput
{
    public override long Length => bytes.Length;

    public override ReadOnlySpan<byte> Get(long offset, int count) => bytes.Span.Slice((int)offset, count);

    public override DicomBuffer Slice(long offset, long length, bool lazy, int swapUnit)
    {
        var slice = bytes.Slice((int)offset, (int)length);
        return swapUnit > 1 ? DicomBuffer.From(ByteSwap.Copy(slice.Span, swapUnit)) : DicomBuffer.From(slice);
    }
}
