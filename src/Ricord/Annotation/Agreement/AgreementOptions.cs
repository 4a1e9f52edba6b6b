namespace Ricord.Annotation.Agreement;

/// <summary>
/// How agreement is estimated: the number of bootstrap resamples over studies (0: no intervals), the
/// seed of the resampling generator (same seed, same intervals, on every machine) and the two-sided
/// confidence level of the percentile intervals.
/// </summary>
public sealed record AgreementOptions(int BootstrapResamples = 1000, ulong Seed = 20210101, double Confidence = 0.95)
{
    public static readonly AgreementOptions Default = new();
}
