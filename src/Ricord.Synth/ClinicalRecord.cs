namespace Ricord.Synth;

/// <summary>One row of a site's clinical spreadsheet.</summary>
internal sealed record ClinicalRecord(int Age, string PcrResult, DateOnly PcrDate, bool Admitted, bool Icu, bool Intubated, string Outcome);
