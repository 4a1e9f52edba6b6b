namespace Ricord.Catalog;

/// <summary>A de-identification profile (with its options) that ingest applied, stored once by its SHA-256 and
/// referenced by every instance it produced (<see cref="Instance.DeidProfileId"/>), so a release can say exactly which
/// profiles made its instances.</summary>
public sealed class DeidProfileRecord
{
    public long Id { get; set; }

    /// <summary>SHA-256 of <see cref="Json"/> (UTF-8), lower-case hex.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The profile as <c>DeidProfile.ToJson()</c> writes it: name, options, rules.</summary>
    public required string Json { get; set; }

    public DateTime CreatedAt { get; set; }
}
