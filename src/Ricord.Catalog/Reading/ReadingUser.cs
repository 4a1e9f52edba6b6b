namespace Ricord.Catalog;

/// <summary>A person who reads, adjudicates or curates; <see cref="Name"/> is unique (a login or initials, not PHI).</summary>
public sealed class ReadingUser
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public bool IsReader { get; set; }
    public bool IsAdjudicator { get; set; }
    public bool IsCurator { get; set; }
    public DateTime CreatedAt { get; set; }

    public bool Has(ReadingRole role) => role switch
    {
        ReadingRole.Reader => IsReader,
        ReadingRole.Adjudicator => IsAdjudicator,
        ReadingRole.Curator => IsCurator,
        _ => false,
    };

    public void Grant(ReadingRole role)
    {
        switch (role)
        {
            case ReadingRole.Reader: IsReader = true; break;
            case ReadingRole.Adjudicator: IsAdjudicator = true; break;
            case ReadingRole.Curator: IsCurator = true; break;
            default: throw new ArgumentOutOfRangeException(nameof(role), role, null);
        }
    }
}
