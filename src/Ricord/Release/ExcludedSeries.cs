namespace Ricord.Release;

/// <summary>A CT series with no NIfTI volume in the release, and why (also in series.csv).</summary>
public sealed record ExcludedSeries(string PatientId, string SeriesInstanceUid, string Reason);
