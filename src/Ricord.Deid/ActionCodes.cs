namespace Ricord.Deid;

/// <summary>
/// Parses Table E.1-1 action codes. A compound code (X/Z, X/D, Z/D, X/Z/D, X/Z/U*) lets the
/// implementation choose by IOD conformance; Ricord takes the least destructive alternative, which
/// is always valid whatever the attribute's Type: X/Z → Z, X/D → D, Z/D → D, X/Z/D → D, X/Z/U* → U.
/// </summary>
internal static class ActionCodes
{
    /// <summary>Keep &gt; Clean &gt; RemapUid &gt; Dummy &gt; Zero &gt; Remove: higher keeps more.</summary>
    public static int Rank(DeidAction a) => a switch
    {
        DeidAction.Keep => 5,
        DeidAction.Clean => 4,
        DeidAction.RemapUid => 3,
        DeidAction.Dummy => 2,
        DeidAction.Zero => 1,
        _ => 0,
    };

    public static DeidAction LeastDestructive(DeidAction a, DeidAction b) => Rank(a) >= Rank(b) ? a : b;

    public static bool TryParse(string? code, out DeidAction action)
    {
        action = DeidAction.Remove;
        if (string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        bool any = false;
        foreach (var part in code.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            DeidAction? one = part.TrimEnd('*').ToUpperInvariant() switch
            {
                "K" => DeidAction.Keep,
                "X" => DeidAction.Remove,
                "Z" => DeidAction.Zero,
                "D" => DeidAction.Dummy,
                "C" => DeidAction.Clean,
                "U" => DeidAction.RemapUid,
                _ => null,
            };
            if (one is not { } a)
            {
                return false;
            }

            action = any ? LeastDestructive(action, a) : a;
            any = true;
        }

        return any;
    }

    public static DeidAction Parse(string code) =>
        TryParse(code, out var a) ? a : throw new DeidentificationException($"'{code}' is not a PS3.15 action code (K, X, Z, D, C, U or a compound such as X/Z/D).");

    public static string Code(DeidAction a) => a switch
    {
        DeidAction.Keep => "K",
        DeidAction.Remove => "X",
        DeidAction.Zero => "Z",
        DeidAction.Dummy => "D",
        DeidAction.Clean => "C",
        DeidAction.RemapUid => "U",
        _ => "?",
    };
}
