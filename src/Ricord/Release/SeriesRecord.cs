namespace Ricord.Release;

/// <summary>A converted series as the build journal keeps it: its outcome (series.csv facts, less the series itself),
/// every file written while it was converted, and the notes it raised, so that a resumed build takes it as it was
/// instead of converting it again.</summary>
internal sealed record SeriesRecord(SeriesOutcome Outcome, IReadOnlyList<string> Files, IReadOnlyList<string> Issues);
