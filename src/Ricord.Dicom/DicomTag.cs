using System.Globalization;

namespace Ricord.Dicom;

/// <summary>A data element tag (group, element) packed into one <see cref="uint"/> (PS3.5 7.1).</summary>
public readonly struct DicomTag : IEquatable<DicomTag>, IComparable<DicomTag>
{
    public DicomTag(uint value) => Value = value;

    public DicomTag(ushort group, ushort element) => Value = ((uint)group << 16) | element;

    public uint Value { get; }

    public ushort Group => (ushort)(Value >> 16);

    public ushort Element => (ushort)Value;

    /// <summary>Odd groups are private (PS3.5 7.8), except the reserved groups 0001, 0003, 0005, 0007, FFFF.</summary>
    public bool IsPrivate => (Group & 1) == 1 && Group > 0x0007 && Group != 0xFFFF;

    /// <summary>(gggg,0010)–(gggg,00FF) in a private group reserve a block (PS3.5 7.8.1).</summary>
    public bool IsPrivateCreator => IsPrivate && Element >= 0x0010 && Element <= 0x00FF;

    /// <summary>For a private data element (gggg,xxee), the creator element (gggg,00xx) that reserves its block.</summary>
    public DicomTag PrivateCreatorTag => IsPrivate && Element > 0x00FF ? new DicomTag(Group, (ushort)(Element >> 8)) : default;

    public bool IsGroupLength => Element == 0x0000;

    public static readonly DicomTag Item = new(0xFFFEE000);
    public static readonly DicomTag ItemDelimitationItem = new(0xFFFEE00D);
    public static readonly DicomTag SequenceDelimitationItem = new(0xFFFEE0DD);

    public bool Equals(DicomTag other) => Value == other.Value;

    public override bool Equals(object? obj) => obj is DicomTag t && t.Value == Value;

    public override int GetHashCode() => (int)Value;

    public int CompareTo(DicomTag other) => Value.CompareTo(other.Value);

    public static bool operator ==(DicomTag a, DicomTag b) => a.Value == b.Value;

    public static bool operator !=(DicomTag a, DicomTag b) => a.Value != b.Value;

    public static bool operator <(DicomTag a, DicomTag b) => a.Value < b.Value;

    public static bool operator >(DicomTag a, DicomTag b) => a.Value > b.Value;

    public static bool operator <=(DicomTag a, DicomTag b) => a.Value <= b.Value;

    public static bool operator >=(DicomTag a, DicomTag b) => a.Value >= b.Value;

    /// <summary>"(0010,0020)".</summary>
    public override string ToString() => string.Create(11, Value, static (span, v) =>
    {
        span[0] = '(';
        ((ushort)(v >> 16)).TryFormat(span[1..], out _, "X4", CultureInfo.InvariantCulture);
        span[5] = ',';
        ((ushort)v).TryFormat(span[6..], out _, "X4", CultureInfo.InvariantCulture);
        span[10] = ')';
    });

    /// <summary>"0010,0020" / "(0010,0020)" / "00100020".</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DicomTag tag)
    {
        tag = default;
        text = text.Trim();
        if (text.Length > 2 && text[0] == '(' && text[^1] == ')')
        {
            text = text[1..^1];
        }

        Span<char> hex = stackalloc char[8];
        int n = 0;
        foreach (char c in text)
        {
            if (c is ',' or ' ')
            {
                continue;
            }

            if (n == 8 || !char.IsAsciiHexDigit(c))
            {
                return false;
            }

            hex[n++] = c;
        }

        if (n != 8 || !uint.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out uint v))
        {
            return false;
        }

        tag = new DicomTag(v);
        return true;
    }

    public static DicomTag Parse(string text) =>
        TryParse(text, out var tag) ? tag : throw new FormatException($"'{text}' is not a DICOM tag; expected (gggg,eeee) in hexadecimal.");
}
