namespace Ricord.Ingest;

/// <summary>What ingest does with the identifiers an instance comes with.</summary>
public enum IdentifierMode
{
    /// <summary>The de-identification profile runs: pseudonym, remapped UIDs, shifted dates (a site's own data).</summary>
    Deidentify,

    /// <summary>
    /// An already de-identified public release (RICORD on TCIA): StudyInstanceUID, SeriesInstanceUID, SOPInstanceUID,
    /// PatientID and dates are kept exactly as published, so every row joins back to TCIA, IDC and other papers' split
    /// files by UID. The input is still checked (<see cref="IngestPipeline"/>'s published-input check); the collection
    /// is recorded as <see cref="IngestOptions.PublishedDescription"/>.
    /// </summary>
    AsPublished,
}
