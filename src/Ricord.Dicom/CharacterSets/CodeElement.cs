namespace Ricord.Dicom;

/// <summary>
/// One graphic character set of ISO 2022 as DICOM uses it (PS3.3 Tables C.12-3/C.12-4): the escape
/// sequence that designates it, whether it goes to G0 (bytes 0x21..0x7E) or G1 (0xA1..0xFE), and its table.
/// </summary>
internal sealed class CodeElement
{
    private readonly SingleByteTable? _single;
    private readonly DoubleByteTable? _double;

    public CodeElement(string term, byte[] escape, bool isG1, SingleByteTable table)
    {
        Term = term;
        Escape = escape;
        IsG1 = isG1;
        _single = table;
    }

    public CodeElement(string term, byte[] escape, bool isG1, DoubleByteTable table)
    {
        Term = term;
        Escape = escape;
        IsG1 = isG1;
        _double = table;
    }

    /// <summary>The defined term of (0008,0005) that brings this element, e.g. "ISO 2022 IR 87".</summary>
    public string Term { get; }

    public byte[] Escape { get; }

    public bool IsG1 { get; }

    public bool IsDoubleByte => _double is not null;

    /// <summary>Decodes one character at <paramref name="bytes"/>[0]; returns how many bytes it took (1 or 2).</summary>
    public int Decode(ReadOnlySpan<byte> bytes, out char ch)
    {
        if (_double is not null)
        {
            if (bytes.Length >= 2 && IsInSet(bytes[0]) && IsInSet(bytes[1]) && _double.Decode(bytes[0], bytes[1]) is { } c)
            {
                ch = c;
                return 2;
            }

            ch = '\uFFFD';
            return bytes.Length >= 2 && IsInSet(bytes[1]) ? 2 : 1;
        }

        ch = _single!.Decode(bytes[0]);
        return 1;
    }

    /// <summary>Whether a byte belongs to this element's half of the code table (GL or GR graphic bytes).</summary>
    public bool IsInSet(byte b) => IsG1 ? b >= 0xA1 && b <= 0xFE : b >= 0x21 && b <= 0x7E;

    /// <summary>Encodes one character into <paramref name="destination"/> (2 bytes free); returns the byte count, 0 if not in this set.</summary>
    public int TryEncode(char ch, Span<byte> destination)
    {
        byte high = IsG1 ? (byte)0x80 : (byte)0;
        if (_double is not null)
        {
            if (!_double.TryEncode(ch, out byte b1, out byte b2))
            {
                return 0;
            }

            destination[0] = (byte)(b1 | high);
            destination[1] = (byte)(b2 | high);
            return 2;
        }

        if (_single!.TryEncode(ch, out byte b) && (b & 0x80) == high)
        {
            destination[0] = b;
            return 1;
        }

        return 0;
    }

    /// <summary>The characters this element can encode (for tests).</summary>
    public IEnumerable<char> Repertoire => _double?.Repertoire ?? _single!.Repertoire.Where(c => _single.TryEncode(c, out byte b) && (b & 0x80) == (IsG1 ? 0x80 : 0));
}
