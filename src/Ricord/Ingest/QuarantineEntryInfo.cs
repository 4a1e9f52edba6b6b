using Ricord.Catalog;

namespace Ricord.Ingest;

/// <summary>What the vault records about a quarantined item. <see cref="SourcePath"/> may identify the patient.</summary>
public sealed record QuarantineEntryInfo(
    string Collection,
    string SiteCode,
    QuarantineReason Reason,
    string Detail,
    string SourcePath,
    DateTimeOffset ReceivedAt);
