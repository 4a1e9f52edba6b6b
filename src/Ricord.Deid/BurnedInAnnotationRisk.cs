namespace Ricord.Deid;

/// <summary>Why an image may carry identifiers in its pixels; ingest quarantines it for review.</summary>
public sealed record BurnedInAnnotationRisk(string Reason);
