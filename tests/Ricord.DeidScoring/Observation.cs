namespace Ricord.DeidScoring;

/// <summary>What the scorer saw for one planted value: the outcome, and whether its needle is still in the element's value.</summary>
public sealed record Observation(Outcome Outcome, bool NeedleInValue);
