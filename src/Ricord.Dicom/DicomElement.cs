namespace Ricord.Dicom;

/// <summary>
/// One data element: tag, VR and its raw value (little-endian, padded as read). Values are converted
/// to strings or numbers only when asked, through <see cref="DicomDataset"/>'s typed accessors.
/// </summary>
public class DicomElement
{
    public DicomElement(DicomTag tag, DicomVR vr, DicomBuffer buffer)
    {
        Tag = tag;
        VR = vr;
        Buffer = buffer;
    }

    public DicomElement(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> value)
        : this(tag, vr, DicomBuffer.From(value))
    {
    }

    public DicomTag Tag { get; }

    public DicomVR VR { get; }

    /// <summary>The raw value in little-endian order. Empty for sequences and encapsulated pixel data.</summary>
    public DicomBuffer Buffer { get; }

    /// <summary>Length of the value in bytes, as it is encoded (before any even-length padding the writer adds).</summary>
    public virtual long Length => Buffer.Length;

    public ReadOnlySpan<byte> Bytes => Buffer.Span;

    public override string ToString() => $"{Tag} {DicomVRInfo.Code(VR)} ({Length} bytes)";
}
