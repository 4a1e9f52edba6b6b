namespace Ricord.Deid;

/// <summary>The range, in whole days, from which each patient's constant date offset is drawn.</summary>
public sealed record DateShiftRange(int MinDays, int MaxDays)
{
    /// <summary>Between ten years and one year into the past.</summary>
    public static DateShiftRange Default { get; } = new(-3650, -365);

    internal void Validate()
    {
        if (MinDays > MaxDays)
        {
            throw new DeidentificationException($"Date shift range is empty: minDays {MinDays} > maxDays {MaxDays}.");
        }

        if (MinDays <= 0 && MaxDays >= 0)
        {
            // An offset of 0 would leave some patient's real dates in place.
            throw new DeidentificationException($"Date shift range {MinDays}..{MaxDays} includes 0: use a range wholly in the past or the future.");
        }
    }
}
