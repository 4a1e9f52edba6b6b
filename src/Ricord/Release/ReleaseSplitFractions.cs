namespace Ricord.Release;

/// <summary>Target shares of patients in each split (they add up to 1).</summary>
public sealed record ReleaseSplitFractions(double Train = 0.7, double Validation = 0.15, double Test = 0.15);
