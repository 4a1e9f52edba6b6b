namespace Ricord.Annotation.Agreement;

/// <summary>
/// A statistic with its bootstrap percentile interval. <see cref="Value"/> is NaN where the statistic is
/// undefined on the data (e.g. κ when every rating falls in one category), and <see cref="Note"/> says why;
/// the interval is NaN where it was not computed or no resample gave a defined value.
/// <see cref="Replicates"/> counts the resamples that gave a defined value.
/// </summary>
public sealed record Estimate(double Value, double Lower, double Upper, int Replicates, string? Note = null)
{
    public bool IsDefined => !double.IsNaN(Value);

    /// <summary>An undefined statistic and the reason, e.g. "all ratings in one category".</summary>
    public static Estimate Undefined(string reason) => new(double.NaN, double.NaN, double.NaN, 0, reason);
}
