namespace Ricord.Catalog;

/// <summary>A de-identified patient; only the pseudonym is stored, never the original identifier.</summary>
public sealed class Patient
{
    public long Id { get; set; }
    public long CollectionId { get; set; }
    public long SiteId { get; set; }

    /// <summary>Pseudonymous PatientID, e.g. "RICORD-1A-419639-000082"; unique per collection.</summary>
    public required string PseudonymousId { get; set; }

    /// <summary>PatientSex (0010,0040): M, F, O or null.</summary>
    public string? Sex { get; set; }

    /// <summary>PatientAge (0010,1010) as an AS string, e.g. "045Y".</summary>
    public string? Age { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<Study> Studies { get; set; } = [];
}
