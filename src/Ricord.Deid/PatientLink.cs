namespace Ricord.Deid;

/// <summary>What the link table holds for one patient, less the original identifier.</summary>
public sealed record PatientLink(string Pseudonym, int DateOffsetDays);
