namespace Ricord.Release;

internal sealed record ReleasePatient(long Id, string Collection, string Site, string PatientId, string? Sex, string? Age);

internal sealed record ReleaseStudy(long Id, ReleasePatient Patient, string StudyInstanceUid, DateOnly StudyDate, string? Description);

internal sealed record ReleaseSeries(long Id, ReleaseStudy Study, string SeriesInstanceUid, string Modality, int? SeriesNumber, string? Description, string? BodyPart);

internal sealed record ReleaseInstance(ReleaseSeries Series, string SopInstanceUid, string SopClassUid, int? InstanceNumber, string TransferSyntaxUid,
    string BlobKey, long Size, int? Rows, int? Columns, long? DeidProfileId = null)
{
    /// <summary>The spec's dicom/ layout (<see cref="ReleaseSpec.DicomLayout"/>).</summary>
    public string Layout { get; init; } = ReleaseSpec.LayoutTcia;

    /// <summary>The transfer syntax of the released file when the build re-compressed it.</summary>
    public string? WrittenTransferSyntaxUid { get; set; }

    /// <summary>The radiograph's image (NIfTI or PNG) when the spec asks for them, with the source's Photometric Interpretation.</summary>
    public string? Image { get; set; }

    public string? ImagePhotometric { get; set; }

    /// <summary>TCIA layout: dicom/Collection/Patient/Study/Series/SOP.dcm; by UID: dicom/Study/Series/SOP.dcm.</summary>
    public string Path => Layout == ReleaseSpec.LayoutUid
        ? $"dicom/{Series.Study.StudyInstanceUid}/{Series.SeriesInstanceUid}/{SopInstanceUid}.dcm"
        : $"dicom/{Series.Study.Patient.Collection}/{Series.Study.Patient.PatientId}/{Series.Study.StudyInstanceUid}/{Series.SeriesInstanceUid}/{SopInstanceUid}.dcm";
}
