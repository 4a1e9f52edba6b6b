namespace Ricord.Clinical;

/// <summary>One stored clinical record as listings show it: the pseudonymous patient, where it came from (file
/// name and line) and its de-identified values as a JSON object.</summary>
public sealed record ClinicalRecordEntry(string Patient, string Collection, string Site, string Source, int Line, string Values);
