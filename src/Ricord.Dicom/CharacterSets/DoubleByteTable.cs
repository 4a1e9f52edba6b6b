namespace Ricord.Dicom;

/// <summary>
/// A 94x94 double-byte graphic set of ISO 2022 (JIS X 0208, JIS X 0212, KS X 1001, GB 2312).
/// Positions are given as the two 7-bit bytes 0x21..0x7E; G1 use sets bit 8 on both bytes.
/// </summary>
internal sealed class DoubleByteTable
{
    private const int Size = 94;
    private readonly string _chars;
    private readonly Lazy<Dictionary<char, ushort>> _codes;

    public DoubleByteTable(string name, string chars)
    {
        if (chars.Length != Size * Size)
        {
            throw new ArgumentException($"{name}: expected {Size * Size} positions, got {chars.Length}", nameof(chars));
        }

        Name = name;
        _chars = chars;
        _codes = new Lazy<Dictionary<char, ushort>>(BuildCodes);
    }

    public string Name { get; }

    /// <summary>The character at (b1, b2) with bit 8 ignored, or null where the position is unassigned or out of range.</summary>
    public char? Decode(byte b1, byte b2)
    {
        int r = (b1 & 0x7F) - 0x21, c = (b2 & 0x7F) - 0x21;
        if ((uint)r >= Size || (uint)c >= Size)
        {
            return null;
        }

        char ch = _chars[(r * Size) + c];
        return ch == '\0' ? null : ch;
    }

    /// <summary>The 7-bit code of a character (high byte first), if the set has it.</summary>
    public bool TryEncode(char ch, out byte b1, out byte b2)
    {
        if (ch != '\0' && _codes.Value.TryGetValue(ch, out ushort code))
        {
            b1 = (byte)(code >> 8);
            b2 = (byte)code;
            return true;
        }

        b1 = b2 = 0;
        return false;
    }

    /// <summary>All characters of the set (for tests and diagnostics).</summary>
    public IEnumerable<char> Repertoire => _codes.Value.Keys;

    private Dictionary<char, ushort> BuildCodes()
    {
        var codes = new Dictionary<char, ushort>(_chars.Length);
        for (int i = 0; i < _chars.Length; i++)
        {
            // First position wins where a set maps two positions to one character.
            if (_chars[i] != '\0')
            {
                codes.TryAdd(_chars[i], (ushort)(((0x21 + (i / Size)) << 8) | (0x21 + (i % Size))));
            }
        }

        return codes;
    }
}
