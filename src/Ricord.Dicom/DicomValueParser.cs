using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Ricord.Dicom;

/// <summary>Conversions from raw little-endian value bytes to .NET values (PS3.5 6.2).</summary>
public static class DicomValueParser
{
    /// <summary>Decodes a text value and splits it into values (PS3.5 6.4), trimming padding.</summary>
    public static string[] Strings(DicomElement e, DicomCharacterSet charset)
    {
        if (e is DicomSequence or DicomFragmentSequence || e.Length == 0)
        {
            return [];
        }

        if (!DicomVRInfo.IsString(e.VR))
        {
            return DicomVRInfo.IsBinaryNumber(e.VR)
                ? [.. Doubles(e).Select(d => d.ToString("R", CultureInfo.InvariantCulture))]
                : [];
        }

        string text = Decode(e, charset);
        if (DicomVRInfo.IsSingleValuedText(e.VR))
        {
            return [TrimValue(text, e.VR)];
        }

        var parts = text.Split('\\');
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = TrimValue(parts[i], e.VR);
        }

        return parts;
    }

    /// <summary>The whole value decoded, with trailing padding removed.</summary>
    public static string Text(DicomElement e, DicomCharacterSet charset) => TrimValue(Decode(e, charset), e.VR);

    private static string Decode(DicomElement e, DicomCharacterSet charset) =>
        DicomVRInfo.UsesSpecificCharacterSet(e.VR) ? charset.Decode(e.Bytes, e.VR) : Latin1OrAscii(e.Bytes);

    // Default repertoire VRs are ASCII; decode bytes one-to-one so that nothing is lost if a vendor strays.
    private static string Latin1OrAscii(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary>Removes the padding a VR allows: trailing spaces (leading too for numbers and codes), NUL for UI.</summary>
    public static string TrimValue(string s, DicomVR vr) => vr switch
    {
        DicomVR.UI => s.TrimEnd('\0', ' '),
        DicomVR.LT or DicomVR.ST or DicomVR.UT => s.TrimEnd(' ', '\0'),
        DicomVR.DS or DicomVR.IS or DicomVR.CS or DicomVR.AE or DicomVR.AS or DicomVR.DA or DicomVR.TM or DicomVR.DT or DicomVR.UR => s.Trim(' ', '\0'),
        _ => s.TrimEnd(' ', '\0'),
    };

    /// <summary>Splits an ASCII value on backslashes (used for Specific Character Set itself).</summary>
    public static string[] SplitAscii(ReadOnlySpan<byte> bytes)
    {
        var parts = Encoding.ASCII.GetString(bytes).Split('\\');
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = parts[i].Trim(' ', '\0');
        }

        return parts;
    }

    public static double[] Doubles(DicomElement e)
    {
        var b = e.Bytes;
        switch (e.VR)
        {
            case DicomVR.FL or DicomVR.OF:
                return Read(b, 4, static s => BinaryPrimitives.ReadSingleLittleEndian(s));
            case DicomVR.FD or DicomVR.OD:
                return Read(b, 8, static s => BinaryPrimitives.ReadDoubleLittleEndian(s));
            case DicomVR.DS or DicomVR.IS:
                var strings = Strings(e, DicomCharacterSet.Default);
                var result = new List<double>(strings.Length);
                foreach (var s in strings)
                {
                    if (s.Length == 0)
                    {
                        continue;
                    }

                    if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
                    {
                        throw new FormatException($"Element {e.Tag} ({DicomVRInfo.Code(e.VR)}): '{s}' is not a number");
                    }

                    result.Add(d);
                }

                return [.. result];
            default:
                return [.. Integers(e).Select(v => (double)v)];
        }
    }

    public static long[] Integers(DicomElement e)
    {
        var b = e.Bytes;
        return e.VR switch
        {
            DicomVR.US or DicomVR.OW => ReadL(b, 2, static s => BinaryPrimitives.ReadUInt16LittleEndian(s)),
            DicomVR.SS => ReadL(b, 2, static s => BinaryPrimitives.ReadInt16LittleEndian(s)),
            DicomVR.UL or DicomVR.OL => ReadL(b, 4, static s => BinaryPrimitives.ReadUInt32LittleEndian(s)),
            DicomVR.SL => ReadL(b, 4, static s => BinaryPrimitives.ReadInt32LittleEndian(s)),
            DicomVR.SV => ReadL(b, 8, static s => BinaryPrimitives.ReadInt64LittleEndian(s)),
            DicomVR.UV or DicomVR.OV => ReadL(b, 8, static s => (long)BinaryPrimitives.ReadUInt64LittleEndian(s)),
            DicomVR.OB or DicomVR.UN => [.. b.ToArray().Select(x => (long)x)],
            DicomVR.IS or DicomVR.DS => [.. Doubles(e).Select(d => checked((long)Math.Round(d)))],
            DicomVR.FL or DicomVR.FD or DicomVR.OF or DicomVR.OD => [.. Doubles(e).Select(d => (long)d)],
            _ => [],
        };
    }

    private delegate T SpanReader<out T>(ReadOnlySpan<byte> s);

    private static double[] Read(ReadOnlySpan<byte> b, int size, SpanReader<double> read)
    {
        var v = new double[b.Length / size];
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = read(b[(i * size)..]);
        }

        return v;
    }

    private static long[] ReadL(ReadOnlySpan<byte> b, int size, SpanReader<long> read)
    {
        var v = new long[b.Length / size];
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = read(b[(i * size)..]);
        }

        return v;
    }

    /// <summary>Pads a value to even length with the VR's padding byte (PS3.5 7.1.1).</summary>
    public static byte[] Pad(byte[] bytes, DicomVR vr)
    {
        if ((bytes.Length & 1) == 0)
        {
            return bytes;
        }

        var padded = new byte[bytes.Length + 1];
        bytes.CopyTo(padded, 0);
        padded[^1] = DicomVRInfo.PaddingByte(vr);
        return padded;
    }

    /// <summary>Formats a number as DS in at most 16 characters, keeping as many digits as fit.</summary>
    public static string FormatDS(double value)
    {
        string s = value.ToString("R", CultureInfo.InvariantCulture);
        if (s.Length <= 16)
        {
            return s;
        }

        for (int digits = 15; digits > 0; digits--)
        {
            s = value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (s.Length <= 16)
            {
                return s;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, "Cannot be written as a DS value in 16 characters");
    }
}
