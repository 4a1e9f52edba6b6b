using System.Collections.Concurrent;

namespace Ricord.Dicom;

/// <summary>
/// Specific Character Set (0008,0005) handling (PS3.5 6.1, PS3.3 C.12.1.1.2): single-byte sets,
/// UTF-8, GB18030, GBK and ISO 2022 code extensions (Japanese, Korean, Chinese). Instances are
/// immutable and shared per distinct term list. Decoding never throws; unknown terms read as
/// Latin-1 with <see cref="IsFallback"/> set.
/// </summary>
public sealed partial class DicomCharacterSet
{
    private const int CacheLimit = 1024;
    private static readonly ConcurrentDictionary<string, DicomCharacterSet> Cache = new(StringComparer.Ordinal);

    private readonly TextCodec _codec;
    private readonly string _name;

    private DicomCharacterSet(string[] terms, TextCodec codec, bool isFallback, string? warning)
    {
        Terms = terms;
        _codec = codec;
        _name = string.Join('\\', terms);
        IsFallback = isFallback;
        Warning = warning;
    }

    /// <summary>The default repertoire (ISO-IR 6, ASCII). Bytes above 0x7F read as Latin-1, as pydicom and most readers do.</summary>
    public static DicomCharacterSet Default { get; } = new([], new SingleByteCodec(SingleByteTables.Ascii), false, null);

    /// <summary>Every defined term this implementation decodes and encodes, with a description of its repertoire.</summary>
    public static IReadOnlyList<(string Term, string Description)> Supported { get; } =
    [
        ("ISO_IR 6", "Default repertoire (ASCII)"),
        ("ISO_IR 100", "Latin alphabet No. 1 (ISO 8859-1)"),
        ("ISO_IR 101", "Latin alphabet No. 2 (ISO 8859-2)"),
        ("ISO_IR 109", "Latin alphabet No. 3 (ISO 8859-3)"),
        ("ISO_IR 110", "Latin alphabet No. 4 (ISO 8859-4)"),
        ("ISO_IR 144", "Cyrillic (ISO 8859-5)"),
        ("ISO_IR 127", "Arabic (ISO 8859-6)"),
        ("ISO_IR 126", "Greek (ISO 8859-7)"),
        ("ISO_IR 138", "Hebrew (ISO 8859-8)"),
        ("ISO_IR 148", "Latin alphabet No. 5 (ISO 8859-9)"),
        ("ISO_IR 166", "Thai (TIS 620-2533)"),
        ("ISO_IR 13", "Japanese katakana and romaji (JIS X 0201)"),
        ("ISO_IR 192", "Unicode in UTF-8"),
        ("GB18030", "Chinese (GB 18030)"),
        ("GBK", "Chinese (GBK)"),
        ("ISO 2022 IR 6", "Default repertoire with code extensions"),
        ("ISO 2022 IR 100/101/109/110/144/127/126/138/148/166", "The single-byte sets above with code extensions (G1)"),
        ("ISO 2022 IR 13", "JIS X 0201 with code extensions"),
        ("ISO 2022 IR 87", "Japanese kanji (JIS X 0208)"),
        ("ISO 2022 IR 159", "Japanese supplementary kanji (JIS X 0212)"),
        ("ISO 2022 IR 149", "Korean (KS X 1001)"),
        ("ISO 2022 IR 58", "Simplified Chinese (GB 2312)"),
    ];

    /// <summary>The defined terms of (0008,0005), as given.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>True when a term was not understood and Latin-1 (ISO_IR 100) stands in for it.</summary>
    public bool IsFallback { get; }

    /// <summary>What was wrong with the terms (unknown, misspelt, or not combinable), or null when nothing was.</summary>
    public string? Warning { get; }

    /// <summary>True when values may switch sets with ISO 2022 escape sequences (PS3.5 6.1.2.5).</summary>
    public bool HasCodeExtensions => _codec is Iso2022Codec;

    /// <summary>The character set for a value of (0008,0005); the same instance for the same terms.</summary>
    public static DicomCharacterSet FromTerms(string[] terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Length == 0 || (terms.Length == 1 && terms[0].Trim(' ', '\0').Length == 0))
        {
            return Default;
        }

        string key = string.Join('\\', terms);
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var created = Create([.. terms]);
        return Cache.Count < CacheLimit ? Cache.GetOrAdd(key, created) : created;
    }

    /// <summary>Decodes the bytes of a text value (all its values, delimiters included). Never throws.</summary>
    public string Decode(ReadOnlySpan<byte> bytes, DicomVR vr) => _codec.Decode(bytes, vr);

    /// <summary>Encodes text (all values, delimiters included), without padding.</summary>
    /// <exception cref="DicomCharacterSetException">A character is not in the character set.</exception>
    public byte[] Encode(string text, DicomVR vr)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _codec.Encode(text, vr, _name);
    }

    public override string ToString() => _name.Length == 0 ? "ISO_IR 6" : _name;
}
