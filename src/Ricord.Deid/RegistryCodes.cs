namespace Ricord.Deid;

/// <summary>The one rule for collection and site codes (they become part of every pseudonym): upper-case letters and
/// digits, 1 to 40 of them, and in a collection code also inner '-'. Commands check it before they start, the link
/// table when it assigns a pseudonym.</summary>
public static class RegistryCodes
{
    /// <summary>Why <paramref name="value"/> is not a valid code of that kind; null when it is.</summary>
    public static string? Problem(string? value, bool site)
    {
        bool ok = !string.IsNullOrEmpty(value) && value.Length <= 40 && value[0] != '-' && value[^1] != '-'
            && value.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || (c == '-' && !site));
        return ok ? null
            : site ? "The site code must be 1-40 characters of A-Z and 0-9 (as in 419639 or SITE2), without '-'."
            : "The collection code must be 1-40 characters of A-Z, 0-9 and inner '-' (as in RICORD-1A).";
    }
}
