using System.Text;

namespace Ricord.Dicom;

/// <summary>
/// Specific Character Set (0008,0005) handling (PS3.5 6.1, PS3.3 C.12.1.1.2).
/// PROVISIONAL: ASCII, ISO_IR 100 and ISO_IR 192 only; the full set with ISO 2022 extensions replaces this.
/// </summary>
public sealed class DicomCharacterSet
{
    private readonly Encoding _encoding;

    private DicomCharacterSet(string[] terms, Encoding encoding)
    {
        Terms = terms;
        _encoding = encoding;
    }

    /// <summary>The default repertoire (ISO-IR 6, ASCII).</summary>
    public static DicomCharacterSet Default { get; } = new([], Encoding.Latin1);

    /// <summary>Every defined term this implementation decodes, with a description of its repertoire.</summary>
    public static IReadOnlyList<(string Term, string Description)> Supported { get; } =
    [
        ("ISO_IR 6", "Default repertoire (ASCII)"),
        ("ISO_IR 100", "Latin alphabet No. 1"),
        ("ISO_IR 192", "Unicode in UTF-8"),
    ];

    /// <summary>The defined terms of (0008,0005), as given.</summary>
    public IReadOnlyList<string> Terms { get; }

    public static DicomCharacterSet FromTerms(string[] terms)
    {
        if (terms.Length == 0 || (terms.Length == 1 && terms[0].Length == 0))
        {
            return Default;
        }

        string first = terms[0].Length == 0 && terms.Length > 1 ? terms[1] : terms[0];
        return first switch
        {
            "ISO_IR 192" => new DicomCharacterSet(terms, Encoding.UTF8),
            _ => new DicomCharacterSet(terms, Encoding.Latin1),
        };
    }

    public string Decode(ReadOnlySpan<byte> bytes, DicomVR vr)
    {
        _ = vr;
        return _encoding.GetString(bytes);
    }

    public byte[] Encode(string text, DicomVR vr)
    {
        _ = vr;
        return _encoding.GetBytes(text);
    }
}
