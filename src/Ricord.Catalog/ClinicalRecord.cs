namespace Ricord.Catalog;

/// <summary>One row of clinical data for a patient, kept as the JSON object of its columns.</summary>
public sealed class ClinicalRecord
{
    public long Id { get; set; }
    public long PatientId { get; set; }

    /// <summary>Column name → value, as a JSON object.</summary>
    public required string Values { get; set; }

    public required string SourceFile { get; set; }
    public int Line { get; set; }
}
