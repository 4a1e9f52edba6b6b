namespace Ricord.Dicom;

/// <summary>
/// Encapsulated pixel data (PS3.5 A.4): a Basic Offset Table item followed by fragments. Frames are
/// found from the Basic or Extended Offset Table, or by one-fragment-per-frame when both are absent.
/// </summary>
public sealed class DicomFragmentSequence : DicomElement
{
    public DicomFragmentSequence(DicomTag tag, DicomVR vr, DicomBuffer offsetTable, IEnumerable<DicomBuffer> fragments)
        : base(tag, vr, DicomBuffer.Empty)
    {
        OffsetTable = offsetTable;
        Fragments = [.. fragments];
    }

    /// <summary>The Basic Offset Table item value (may be empty).</summary>
    public DicomBuffer OffsetTable { get; set; }

    public List<DicomBuffer> Fragments { get; }

    public override long Length => -1;

    public override string ToString() => $"{Tag} {DicomVRInfo.Code(VR)} (encapsulated, {Fragments.Count} fragments)";
}
