using System.Text;

namespace Ricord.Dicom;

/// <summary>
/// Character sets with ISO 2022 code extensions (PS3.5 6.1.2.5): escape sequences designate sets into
/// G0 (bytes below 0x80) and G1 (bytes from 0x80); the first term's sets are active at the start of a
/// value and again after each delimiter (PS3.5 6.1.2.5.3).
/// </summary>
internal sealed partial class Iso2022Codec : TextCodec
{
    private const byte Esc = 0x1B;
    private readonly CodeElement _initialG0;
    private readonly CodeElement? _initialG1;

    /// <summary>The declared elements in term order (for choosing a set when encoding).</summary>
    private readonly CodeElement[] _elements;

    public Iso2022Codec(CodeElement initialG0, CodeElement? initialG1, CodeElement[] elements)
    {
        _initialG0 = initialG0;
        _initialG1 = initialG1;
        _elements = elements;
    }

    public override string Decode(ReadOnlySpan<byte> bytes, DicomVR vr)
    {
        var text = new StringBuilder(bytes.Length);
        var g0 = _initialG0;
        var g1 = _initialG1;
        int i = 0;
        while (i < bytes.Length)
        {
            byte b = bytes[i];
            if (b == Esc)
            {
                // Any known escape is honoured, declared or not: readers should be tolerant.
                if (CodeElements.MatchEscape(bytes[i..]) is { } designated)
                {
                    if (designated.IsG1)
                    {
                        g1 = designated;
                    }
                    else
                    {
                        g0 = designated;
                    }

                    i += designated.Escape.Length;
                    continue;
                }

                text.Append('\u001B');
                i++;
                continue;
            }

            char ch;
            if (b < 0x80)
            {
                if (g0.IsDoubleByte && g0.IsInSet(b))
                {
                    i += g0.Decode(bytes[i..], out ch);
                    text.Append(ch);
                    continue;
                }

                // Controls, space and single-byte G0 sets read as ASCII.
                text.Append((char)b);
                i++;
                if (IsDelimiter((char)b, vr))
                {
                    g0 = _initialG0;
                    g1 = _initialG1;
                }

                continue;
            }

            if (g1 is null)
            {
                // No G1 set designated: read as Latin-1, as pydicom does for the default repertoire.
                text.Append((char)b);
                i++;
                continue;
            }

            i += g1.Decode(bytes[i..], out ch);
            text.Append(ch);
        }

        return text.ToString();
    }

    /// <summary>Characters before which the initial sets are active again (PS3.5 6.1.2.5.3).</summary>
    internal static bool IsDelimiter(char c, DicomVR vr) => vr switch
    {
        DicomVR.PN => c is '\\' or '^' or '=' or '\r' or '\n' or '\t' or '\f',
        DicomVR.LT or DicomVR.ST or DicomVR.UT => c is '\r' or '\n' or '\t' or '\f',
        _ => c is '\\' or '\r' or '\n' or '\t' or '\f',
    };
}
