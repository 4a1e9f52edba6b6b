using System.Text.RegularExpressions;

namespace Ricord.Deid;

/// <summary>
/// Clean Descriptors (PS3.15 E.3.5) done by allowlist: a descriptor keeps only words from the safe
/// vocabulary and short numbers (at most three digits, optionally with a decimal part and a unit,
/// as in "1.25MM"); every other word is dropped. Names, IDs, dates and places never survive,
/// at the cost of losing some harmless words.
/// </summary>
internal static partial class DescriptorCleaner
{
    private static readonly char[] Separators = [' ', '\t', '\r', '\n', '^', '_', ',', ';', ':', '(', ')', '[', ']', '"', '\''];

    public static string Clean(string text, IReadOnlySet<string> safeWords) => string.Join(' ', SafeTokens(text, safeWords, out _));

    /// <summary>True when every word of <paramref name="text"/> is safe (cleaning would drop nothing).</summary>
    public static bool IsClean(string text, IReadOnlySet<string> safeWords)
    {
        SafeTokens(text, safeWords, out int dropped);
        return dropped == 0;
    }

    private static List<string> SafeTokens(string text, IReadOnlySet<string> safeWords, out int dropped)
    {
        var kept = new List<string>();
        dropped = 0;
        foreach (var raw in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            string token = raw.Trim('.', '-', '/', '=', '*', '#', '!', '?');
            if (token.Length == 0)
            {
                continue;
            }

            if (safeWords.Contains(token.ToUpperInvariant()) || ShortNumber().IsMatch(token))
            {
                kept.Add(token);
            }
            else
            {
                dropped++;
            }
        }

        return kept;
    }

    [GeneratedRegex(@"^\d{1,3}([.,]\d{1,3})?(MM|CM|ML|KV|KVP|MAS|S|X|Y|%)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShortNumber();
}
