namespace Ricord.DeidScoring;

/// <summary>One planted value scored: expected, observed, whether the action was correct, whether its needle leaked.</summary>
public sealed record ScoreRow(PlantedValue Value, Expectation Expected, Observation Observed, bool Leaked)
{
    public bool Correct => (Expected.Accept & Observed.Outcome) != 0 && !(Observed.NeedleInValue && !Expected.MayKeep);
}
