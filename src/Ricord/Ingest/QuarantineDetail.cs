using Ricord.Catalog;

namespace Ricord.Ingest;

/// <summary>One quarantine entry in full. <see cref="Held"/> is null when the original is no longer in the secrets
/// folder; then <see cref="ContentHash"/> is all that remains of it.</summary>
public sealed record QuarantineDetail(long Id, DateTime ReceivedAt, QuarantineReason Reason, string Detail, string? ContentHash, QuarantineHeld? Held);

/// <summary>What the secrets folder holds for an entry: <see cref="Size"/> 0 when no bytes were kept (the input was
/// empty, unreadable or too large; the content hash is then a keyed hash of where it came from).
/// <see cref="SourcePath"/> (which may identify the patient) only when asked for.</summary>
public sealed record QuarantineHeld(long Size, string SiteCode, string? SourcePath);
