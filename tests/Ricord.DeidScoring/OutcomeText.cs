namespace Ricord.DeidScoring;

/// <summary>Outcome sets written as "X|Z".</summary>
public static class OutcomeText
{
    public static string Format(Outcome set)
    {
        if (set == Outcome.None)
        {
            return "-";
        }

        return string.Join('|', Enum.GetValues<Outcome>().Where(o => o != Outcome.None && set.HasFlag(o)));
    }
}
