using Ricord.Catalog;

namespace Ricord.Ingest;

/// <summary>One quarantine entry as listed: <see cref="Detail"/> names tags and checks, never values; <see cref="Vault"/>
/// is the key of the held original in the secrets folder (<c>vault:…</c>), if one was kept.</summary>
public sealed record QuarantineItem(long Id, DateTime ReceivedAt, string Collection, QuarantineReason Reason, string Detail, string? Vault);
