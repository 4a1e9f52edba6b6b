using System.Globalization;

namespace Ricord.Dicom.Generator;

/// <summary>
/// A PS3.6 tag as printed, e.g. "(0010,0020)" or "(60XX,3000)": each 'X' digit matches anything.
/// <see cref="Value"/> has 0 for those digits and <see cref="Mask"/> 0 bits there.
/// </summary>
internal readonly record struct TagPattern(uint Value, uint Mask)
{
    public bool IsRepeating => Mask != 0xFFFFFFFF;

    public static TagPattern Parse(string text)
    {
        string digits = text.Trim().TrimStart('(').TrimEnd(')').Replace(",", "", StringComparison.Ordinal);
        if (digits.Length != 8)
        {
            throw new FormatException($"'{text}' is not a tag pattern (gggg,eeee).");
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

            value |= uint.Parse(c.ToString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            mask |= 0xF;
        }

        return new TagPattern(value, mask);
    }

    public static string Hex(uint v) => "0x" + v.ToString("X8", CultureInfo.InvariantCulture);
}
