namespace Ricord.DeidScoring;

/// <summary>The actions that count as correct for one planted value, and the rule that says so.</summary>
public sealed record Expectation(Outcome Accept, string Rule)
{
    /// <summary>Whether the value may survive verbatim; when not, its needle found anywhere is a leak.</summary>
    public bool MayKeep => Accept.HasFlag(Outcome.K);
}
