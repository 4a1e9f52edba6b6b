namespace Ricord.Dicom;

/// <summary>
/// An element whose value lives elsewhere, named by a DICOM JSON "BulkDataURI" (PS3.18 F.2.7). Its
/// value here is empty; <see cref="DicomJsonWriter"/> writes the URI back, a Part 10 writer writes an empty value.
/// </summary>
public sealed class DicomBulkDataElement : DicomElement
{
    public DicomBulkDataElement(DicomTag tag, DicomVR vr, string uri)
        : base(tag, vr, DicomBuffer.Empty)
    {
        Uri = uri;
    }

    public string Uri { get; }

    public override string ToString() => $"{Tag} {DicomVRInfo.Code(VR)} (bulk data at {Uri})";
}
