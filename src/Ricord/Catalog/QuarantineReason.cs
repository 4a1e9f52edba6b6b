namespace Ricord.Catalog;

/// <summary>Why an incoming object was held back instead of indexed.</summary>
public enum QuarantineReason
{
    NotDicom,
    Truncated,
    MissingUids,
    BurnedInAnnotationRisk,
    UnexpectedSopClass,
    ConflictingPatientData,
    Other,
}
