namespace Ricord.Ingest;

/// <summary>How to release an entry: with <see cref="Blank"/>, the blanking rule matching its device (from
/// <see cref="RulesPath"/>, a pixel rules JSON file, or the built-in rules) is applied first and audited.</summary>
public sealed record QuarantineReleaseOptions(long Id, bool Blank = false, string? RulesPath = null);
