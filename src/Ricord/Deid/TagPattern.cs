using System.Globalization;
using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>A tag with wildcard hex digits, as Table E.1-1 writes repeating groups: (50xx,xxxx), (60xx,4000).</summary>
internal readonly record struct TagPattern(uint Value, uint Mask)
{
    public bool IsExact => Mask == 0xFFFFFFFF;

    public bool Matches(DicomTag tag) => (tag.Value & Mask) == Value;

    /// <summary>"(gggg,eeee)" with 'x' for any hex digit; null when the text is not of that form.</summary>
    public static TagPattern? Parse(string text)
    {
        var t = text.Trim().TrimStart('(').TrimEnd(')').Replace(",", "", StringComparison.Ordinal);
        if (t.Length != 8)
        {
            return null;
        }

        uint value = 0, mask = 0;
        foreach (char c in t)
        {
            value <<= 4;
            mask <<= 4;
            if (c is 'x' or 'X')
            {
                continue;
            }

            if (!int.TryParse(c.ToString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int nibble))
            {
                return null;
            }

            value |= (uint)nibble;
            mask |= 0xF;
        }

        return new TagPattern(value, mask);
    }
}
