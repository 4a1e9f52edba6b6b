using Ricord.Deid;

namespace Ricord.Clinical;

/// <summary>What one clinical import needs besides the sheet.</summary>
public sealed class ClinicalImportOptions
{
    /// <summary>
    /// The contributing sites whose MRNs the sheet holds, e.g. [419639]. A release's one sheet for several sites names them
    /// all: each row is stored for the site whose link table knows its MRN, and only rows that no site links are "not linked".
    /// </summary>
    public required IReadOnlyList<string> SiteCodes { get; init; }

    /// <summary>Only patients linked in this collection; null: any collection, as long as the MRN is linked in exactly one.</summary>
    public string? Collection { get; init; }

    /// <summary>Name the rows are stored under (the file name by default); a re-import under the same name replaces them.</summary>
    public required string SourceName { get; init; }

    /// <summary>Day/month order of non-ISO dates as a .NET format string (dd.MM.yyyy, MM/dd/yyyy); null: detected.</summary>
    public string? DateFormat { get; init; }

    /// <summary>Header of the MRN column; null: the first of <see cref="ClinicalHeader.KeyNames"/> present.</summary>
    public string? KeyColumn { get; init; }

    /// <summary>
    /// The images were ingested with their identifiers as published (a public release): the key column holds the
    /// published PatientID, looked up among the catalog's patients of these sites (not in the link table); dates are kept
    /// (normalised to ISO 8601, not shifted) and UIDs are kept, as ingest kept them.
    /// </summary>
    public bool IdentifiersAsPublished { get; init; }

    /// <summary>Root for remapped UIDs; must be the one ingest used (the default profile's) so they match the catalog.</summary>
    public string UidRoot { get; init; } = DeidProfile.Ricord.UidRoot;
}
