namespace Ricord.Catalog;

/// <summary>An object ingest held back. <see cref="Detail"/> must never contain PHI.</summary>
public sealed record QuarantineRecord(
    string Collection,
    string? SiteCode,
    QuarantineReason Reason,
    string Detail,
    string? BlobKey,
    string? ContentHash);
