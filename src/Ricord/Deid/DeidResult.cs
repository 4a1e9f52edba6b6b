namespace Ricord.Deid;

/// <summary>What de-identifying one data set did. Counts and reasons only: no value, original or new, except the pseudonym.</summary>
public sealed record DeidResult(string Pseudonym, int Removed, int Replaced, int Kept, BurnedInAnnotationRisk? BurnedInAnnotationRisk)
{
    /// <summary>True when the instance must be reviewed (quarantined) before it may be released.</summary>
    public bool NeedsReview => BurnedInAnnotationRisk is not null;
}
