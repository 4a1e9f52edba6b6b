namespace Ricord.Deid;

/// <summary>What de-identifying one data set did. Counts, attribute paths and reasons only: no value, original or new, except the pseudonym.</summary>
public sealed record DeidResult(string Pseudonym, int Removed, int Replaced, int Kept, BurnedInAnnotationRisk? BurnedInAnnotationRisk)
{
    /// <summary>Binary values removed and residual identifiers found, by attribute path.</summary>
    public DeidFindings Findings { get; init; } = new();

    /// <summary>True when the instance must be reviewed (quarantined) before it may be released.</summary>
    public bool NeedsReview => BurnedInAnnotationRisk is not null || Findings.UncleanableHit is not null;

    /// <summary>Why the instance needs review, or null.</summary>
    public string? ReviewReason => BurnedInAnnotationRisk?.Reason ?? Findings.UncleanableHit;
}
