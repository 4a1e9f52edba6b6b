using System.Globalization;

namespace Ricord.Dicom;

/// <summary>
/// A tag with wildcard hex digits, as PS3.6 and PS3.15 Table E.1-1 print repeating groups: (60xx,3000),
/// (50xx,xxxx). <see cref="Value"/> has 0 for the wildcard digits and <see cref="Mask"/> 0 bits there. This file
/// names no other type, so the dictionary generator (which must not reference the library it generates) compiles
/// the same source, as an internal type there (RICORD_DICOM_GENERATOR), so no assembly that sees both has two.
/// </summary>
#if RICORD_DICOM_GENERATOR
internal
#else
public
#endif
readonly record struct DicomTagPattern(uint Value, uint Mask)
{
    /// <summary>No wildcard digit: the pattern is one tag.</summary>
    public bool IsExact => Mask == 0xFFFFFFFF;

    /// <summary>Whether the tag <paramref name="tag"/> (group in the high 16 bits) is one the pattern covers.</summary>
    public bool Matches(uint tag) => (tag & Mask) == Value;

    /// <summary>"(gggg,eeee)" (parentheses and comma optional) with 'x' for any hex digit; null when the text is not of that form.</summary>
    public static DicomTagPattern? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string digits = text.Trim().TrimStart('(').TrimEnd(')').Replace(",", "", StringComparison.Ordinal);
        if (digits.Length != 8)
        {
            return null;
        }

        uint value = 0, mask = 0;
        foreach (char c in digits)
        {
            value <<= 4;
            mask <<= 4;
            if (c is 'x' or 'X')
            {
                continue;
            }

            if (!uint.TryParse([c], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out uint nibble))
            {
                return null;
            }

            value |= nibble;
            mask |= 0xF;
        }

        return new DicomTagPattern(value, mask);
    }

    /// <summary>As <see cref="TryParse"/>, throwing <see cref="FormatException"/> for text of another form.</summary>
    public static DicomTagPattern Parse(string text) =>
        TryParse(text) ?? throw new FormatException($"'{text}' is not a tag pattern (gggg,eeee).");
}
