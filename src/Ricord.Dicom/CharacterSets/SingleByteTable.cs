namespace Ricord.Dicom;

/// <summary>A 256-position single-byte character set: byte to character and back.</summary>
internal sealed class SingleByteTable
{
    /// <summary>Marks an unassigned position.</summary>
    public const char Unassigned = '\uFFFF';

    private readonly char[] _chars;
    private readonly Dictionary<char, byte> _codes;

    /// <param name="name">The character set, for messages.</param>
    /// <param name="chars">256 characters, <see cref="Unassigned"/> where none.</param>
    /// <param name="encodableLimit">Bytes at or above this decode but are never produced by encoding.</param>
    public SingleByteTable(string name, char[] chars, int encodableLimit = 256)
    {
        if (chars.Length != 256)
        {
            throw new ArgumentException($"{name}: expected 256 positions, got {chars.Length}", nameof(chars));
        }

        Name = name;
        _chars = chars;
        _codes = new Dictionary<char, byte>(256);
        for (int b = 0; b < encodableLimit; b++)
        {
            if (chars[b] != Unassigned)
            {
                _codes.TryAdd(chars[b], (byte)b);
            }
        }
    }

    public string Name { get; }

    /// <summary>All characters encoding can produce (for tests and diagnostics).</summary>
    public IEnumerable<char> Repertoire => _codes.Keys;

    /// <summary>The character for a byte; U+FFFD where the byte is unassigned.</summary>
    public char Decode(byte b)
    {
        char ch = _chars[b];
        return ch == Unassigned ? '\uFFFD' : ch;
    }

    public bool IsAssigned(byte b) => _chars[b] != Unassigned;

    public bool TryEncode(char ch, out byte b) => _codes.TryGetValue(ch, out b);
}
