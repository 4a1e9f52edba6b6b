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

    /// <summary>The input could not be read at all: a damaged zip archive or entry, a file without read permission.</summary>
    Unreadable,

    /// <summary>A known identifier survived the rules where it cannot be removed (e.g. inside an encapsulated document).</summary>
    ResidualIdentifier,
    Other,

    /// <summary>The input holds no bytes at all.</summary>
    EmptyFile,

    /// <summary>The transfer syntax UID is not one Ricord knows: the pixel data can be neither decoded nor checked.</summary>
    UnknownTransferSyntax,

    /// <summary>An archive went past a configured limit (entry size, expansion ratio, nesting depth); the detail names it.</summary>
    ArchiveLimit,
}
