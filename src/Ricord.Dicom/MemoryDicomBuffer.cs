namespace Ricord.Dicom;

/// <summary>A value held in memory.</summary>
public sealed class MemoryDicomBuffer(ReadOnlyMemory<byte> bytes) : DicomBuffer
{
    public override long Length => bytes.Length;

    public override ReadOnlyMemory<byte> Memory => bytes;
}
