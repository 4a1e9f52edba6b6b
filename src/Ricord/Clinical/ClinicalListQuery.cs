namespace Ricord.Clinical;

/// <summary>Which clinical records to list: any filter left null matches all; at least one record is asked for.</summary>
public sealed record ClinicalListQuery(string? Site = null, string? Collection = null, string? Patient = null, int Limit = 100);
