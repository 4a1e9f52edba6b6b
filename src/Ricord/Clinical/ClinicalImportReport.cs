namespace Ricord.Clinical;

/// <summary>What a clinical import did. Holds line numbers, column names and counts only — no cell values, no MRNs.</summary>
public sealed class ClinicalImportReport
{
    /// <summary>Data rows in the sheet (blank rows not counted).</summary>
    public int Rows { get; set; }

    /// <summary>Clinical records stored (one per accepted row).</summary>
    public int Stored { get; set; }

    /// <summary>Distinct patients the stored records belong to.</summary>
    public int Patients { get; set; }

    /// <summary>Records of an earlier import of the same source and site that were replaced.</summary>
    public int Replaced { get; set; }

    /// <summary>Lines whose MRN is not in the link table for the site (not stored).</summary>
    public List<int> NotLinkedLines { get; } = [];

    /// <summary>Row problems: skipped rows, and values left out of stored rows.</summary>
    public List<ClinicalIssue> Issues { get; } = [];

    public List<ClinicalColumn> Columns { get; } = [];

    /// <summary>The day/month order used for non-ISO dates.</summary>
    public string? DateFormat { get; set; }

    /// <summary>Rows that were read but not stored (not linked, or skipped with an issue).</summary>
    public int NotStored => Rows - Stored;
}
