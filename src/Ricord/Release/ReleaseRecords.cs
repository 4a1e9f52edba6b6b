namespace Ricord.Release;

internal sealed record ReleasePatient(long Id, string Collection, string Site, string PatientId, string? Sex, string? Age);

internal sealed record ReleaseStudy(long Id, ReleasePatient Patient, string StudyInstanceUid, DateOnly StudyDate, string? Description);

internal sealed record ReleaseSeries(long Id, ReleaseStudy Study, string SeriesInstanceUid, string Modality, int? SeriesNumber, string? Description, string? BodyPart);

internal sealed record ReleaseInstance(ReleaseSeries Series, string SopInstanceUid, string SopClassUid, int? InstanceNumber, string TransferSyntaxUid,
    string BlobKey, long Size, int? Rows, int? Columns, long? DeidProfileId = null)
{
    /// <summary>TCIA layout: dicom/Collection/Patient/Study/Series/SOP.dcm.</summary>
    public string Path => $"dicom/{Series.Study.Patient.Collection}/{Series.Study.Patient.PatientId}/{Series.Study.StudyInstanceUid}/{Series.SeriesInstanceUid}/{SopInstanceUid}.dcm";
}
