using System.Buffers;
using System.Text.RegularExpressions;

namespace Ricord.Deid;

/// <summary>
/// Clean Descriptors (PS3.15 E.3.5) done by allowlist: a descriptor keeps only words from the safe
/// vocabulary and short numbers (at most three digits, optionally with a decimal part and a unit,
/// as in "1.25MM"); every other word is dropped. Names, IDs, dates and places never survive,
/// at the cost of losing some harmless words. Works on spans: one string out, nothing else allocated.
/// </summary>
internal static partial class DescriptorCleaner
{
    private const int MaxStackChars = 256;
    private static readonly SearchValues<char> Separators = SearchValues.Create(" \t\r\n^_,;:()[]\"'");
    private static readonly char[] TokenTrim = ['.', '-', '/', '=', '*', '#', '!', '?'];

    public static string Clean(string text, IReadOnlySet<string> safeWords)
    {
        char[]? rented = text.Length <= MaxStackChars ? null : ArrayPool<char>.Shared.Rent(text.Length);
        Span<char> output = rented ?? stackalloc char[text.Length];
        try
        {
            int written = SafeTokens(text, safeWords, output, out _);
            return written == text.Length && output[..written].SequenceEqual(text) ? text : new string(output[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>True when every word of <paramref name="text"/> is safe (cleaning would drop nothing).</summary>
    public static bool IsClean(string text, IReadOnlySet<string> safeWords) => SafeTokens(text, safeWords, [], out int dropped) >= 0 && dropped == 0;

    /// <summary>
    /// Writes the safe words of <paramref name="text"/>, joined by single spaces, into <paramref name="output"/> (when it
    /// is long enough: at most <c>text.Length</c> characters are needed; an empty span writes nothing); returns the length.
    /// </summary>
    private static int SafeTokens(ReadOnlySpan<char> text, IReadOnlySet<string> safeWords, Span<char> output, out int dropped)
    {
        dropped = 0;
        int written = 0;
        bool fast = safeWords is HashSet<string> set && set.TryGetAlternateLookup<ReadOnlySpan<char>>(out _);
        var lookup = fast ? ((HashSet<string>)safeWords).GetAlternateLookup<ReadOnlySpan<char>>() : default;
        Span<char> upper = stackalloc char[MaxStackChars];
        while (!text.IsEmpty)
        {
            int end = text.IndexOfAny(Separators);
            var token = (end < 0 ? text : text[..end]).Trim(TokenTrim);
            text = end < 0 ? [] : text[(end + 1)..];
            if (token.IsEmpty)
            {
                continue;
            }

            if (IsSafe(token, safeWords, fast, lookup, upper) || ShortNumber().IsMatch(token))
            {
                if (!output.IsEmpty)
                {
                    if (written > 0)
                    {
                        output[written++] = ' ';
                    }

                    token.CopyTo(output[written..]);
                }
                else if (written > 0)
                {
                    written++;
                }

                written += token.Length;
            }
            else
            {
                dropped++;
            }
        }

        return written;
    }

    private static bool IsSafe(ReadOnlySpan<char> token, IReadOnlySet<string> safeWords, bool fast, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup, Span<char> upper)
    {
        if (!fast || token.Length > upper.Length)
        {
            return safeWords.Contains(token.ToString().ToUpperInvariant());
        }

        int n = token.ToUpperInvariant(upper);
        return lookup.Contains(upper[..n]);
    }

    [GeneratedRegex(@"^\d{1,3}([.,]\d{1,3})?(MM|CM|ML|KV|KVP|MAS|S|X|Y|%)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShortNumber();
}
