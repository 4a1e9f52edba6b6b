namespace Ricord.Clinical;

/// <summary>What the importer does with a column (docs/clinical.md, "Which columns are kept").</summary>
public enum ClinicalColumnKind
{
    /// <summary>The site's MRN: looked up in the link table, never stored.</summary>
    Key,

    /// <summary>Dropped: the header names something identifying (names, contact, other IDs, birth date, people, places, free text).</summary>
    Identifying,

    /// <summary>Dates, date-times and times: shifted by the patient's offset, written as ISO 8601.</summary>
    Temporal,

    /// <summary>DICOM UIDs: remapped with the link table's key, as ingest remaps them.</summary>
    Uid,

    /// <summary>Kept, value by value: values that look like identifiers or free text are left out.</summary>
    Kept,
}
