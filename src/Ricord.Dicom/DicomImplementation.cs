namespace Ricord.Dicom;

/// <summary>Ricord's identity as a DICOM implementation (PS3.7 D.3.3.2), written into every file's meta group.</summary>
public static class DicomImplementation
{
    /// <summary>A UUID-derived UID (PS3.5 B.2), fixed for Ricord.</summary>
    public const string ClassUid = "2.25.175184163526372306930613436446411425513";

    public const string VersionName = "RICORD_0_1";
}
