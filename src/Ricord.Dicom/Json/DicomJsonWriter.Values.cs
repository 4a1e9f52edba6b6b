using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;

namespace Ricord.Dicom;

/// <summary>Values by VR (PS3.18 Table F.2.3-1).</summary>
public static partial class DicomJsonWriter
{
    private static void WriteValue(Utf8JsonWriter w, DicomElement e, DicomVR vr, DicomCharacterSet charset, DicomJsonWriterOptions options)
    {
        if (e.Length == 0)
        {
            return; // PS3.18 F.2.5: an empty value has no "Value"
        }

        switch (vr)
        {
            case DicomVR.OB or DicomVR.OD or DicomVR.OF or DicomVR.OL or DicomVR.OV or DicomVR.OW or DicomVR.UN:
                WriteBinary(w, e, options);
                return;
            case DicomVR.AT:
                WriteTags(w, e.Bytes);
                return;
            case DicomVR.US or DicomVR.SS or DicomVR.UL or DicomVR.SL or DicomVR.FL or DicomVR.FD or DicomVR.SV or DicomVR.UV:
                WriteNumbers(w, e.Bytes, vr, options.NumberStyle);
                return;
        }

        var values = DicomValueParser.Strings(e, charset);
        if (values.Length == 0 || (values.Length == 1 && values[0].Length == 0))
        {
            return;
        }

        w.WriteStartArray("Value");
        foreach (var v in values)
        {
            if (v.Length == 0)
            {
                w.WriteNullValue(); // PS3.18 F.2.5: an empty value among several is null
            }
            else if (vr == DicomVR.PN)
            {
                WritePersonName(w, v);
            }
            else if (vr is DicomVR.IS or DicomVR.DS && options.NumberStyle == DicomJsonNumberStyle.Number && IsJsonNumber(v))
            {
                w.WriteRawValue(v, skipInputValidation: true); // the exact DICOM text: "1.50" stays 1.50
            }
            else
            {
                w.WriteStringValue(v);
            }
        }

        w.WriteEndArray();
    }

    /// <summary>PS3.18 F.2.2: a PN value is an object of up to three component groups.</summary>
    private static void WritePersonName(Utf8JsonWriter w, string value)
    {
        var pn = DicomPersonName.Parse(value);
        w.WriteStartObject();
        if (pn.Alphabetic.Length > 0)
        {
            w.WriteString("Alphabetic", pn.Alphabetic);
        }

        if (pn.Ideographic.Length > 0)
        {
            w.WriteString("Ideographic", pn.Ideographic);
        }

        if (pn.Phonetic.Length > 0)
        {
            w.WriteString("Phonetic", pn.Phonetic);
        }

        w.WriteEndObject();
    }

    private static void WriteTags(Utf8JsonWriter w, ReadOnlySpan<byte> b)
    {
        w.WriteStartArray("Value");
        Span<char> hex = stackalloc char[8];
        for (int i = 0; i + 4 <= b.Length; i += 4)
        {
            uint tag = ((uint)BinaryPrimitives.ReadUInt16LittleEndian(b[i..]) << 16) | BinaryPrimitives.ReadUInt16LittleEndian(b[(i + 2)..]);
            tag.TryFormat(hex, out _, "X8", CultureInfo.InvariantCulture);
            w.WriteStringValue(hex);
        }

        w.WriteEndArray();
    }

    private static void WriteNumbers(Utf8JsonWriter w, ReadOnlySpan<byte> b, DicomVR vr, DicomJsonNumberStyle style)
    {
        int size = DicomVRInfo.UnitSize(vr);
        bool asString = style == DicomJsonNumberStyle.String;
        w.WriteStartArray("Value");
        for (int i = 0; i + size <= b.Length; i += size)
        {
            var s = b[i..];
            switch (vr)
            {
                case DicomVR.US: w.WriteNumberValue(BinaryPrimitives.ReadUInt16LittleEndian(s)); break;
                case DicomVR.SS: w.WriteNumberValue(BinaryPrimitives.ReadInt16LittleEndian(s)); break;
                case DicomVR.UL: w.WriteNumberValue(BinaryPrimitives.ReadUInt32LittleEndian(s)); break;
                case DicomVR.SL: w.WriteNumberValue(BinaryPrimitives.ReadInt32LittleEndian(s)); break;
                case DicomVR.FL: WriteFloat(w, BinaryPrimitives.ReadSingleLittleEndian(s)); break;
                case DicomVR.FD: WriteFloat(w, BinaryPrimitives.ReadDoubleLittleEndian(s)); break;

                // 64-bit integers are written digit for digit (never through double); readers must not use a double either.
                case DicomVR.SV when asString: w.WriteStringValue(BinaryPrimitives.ReadInt64LittleEndian(s).ToString(CultureInfo.InvariantCulture)); break;
                case DicomVR.SV: w.WriteNumberValue(BinaryPrimitives.ReadInt64LittleEndian(s)); break;
                case DicomVR.UV when asString: w.WriteStringValue(BinaryPrimitives.ReadUInt64LittleEndian(s).ToString(CultureInfo.InvariantCulture)); break;
                default: w.WriteNumberValue(BinaryPrimitives.ReadUInt64LittleEndian(s)); break;
            }
        }

        w.WriteEndArray();
    }

    // JSON has no NaN or infinities; they are written as the strings "NaN", "Infinity", "-Infinity", which the reader accepts.
    private static void WriteFloat(Utf8JsonWriter w, double v)
    {
        if (double.IsFinite(v))
        {
            w.WriteNumberValue(v);
        }
        else
        {
            w.WriteStringValue(double.IsNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static void WriteFloat(Utf8JsonWriter w, float v)
    {
        if (float.IsFinite(v))
        {
            w.WriteNumberValue(v);
        }
        else
        {
            w.WriteStringValue(float.IsNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static void WriteBinary(Utf8JsonWriter w, DicomElement e, DicomJsonWriterOptions options)
    {
        if (options.BulkDataUri is { } uriFor && e.Length >= options.BulkDataThreshold && uriFor(e) is { } uri)
        {
            w.WriteString("BulkDataURI", uri);
            return;
        }

        w.WriteBase64String("InlineBinary", e.Bytes);
    }

    /// <summary>True when <paramref name="s"/> is a number in JSON's grammar (RFC 8259 section 6).</summary>
    internal static bool IsJsonNumber(ReadOnlySpan<char> s)
    {
        int i = 0;
        if (i < s.Length && s[i] == '-')
        {
            i++;
        }

        if (i >= s.Length || !char.IsAsciiDigit(s[i]))
        {
            return false;
        }

        if (s[i++] != '0')
        {
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            if (!Digits(s, ref i))
            {
                return false;
            }
        }

        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            if (i < s.Length && (s[i] == '+' || s[i] == '-'))
            {
                i++;
            }

            if (!Digits(s, ref i))
            {
                return false;
            }
        }

        return i == s.Length;
    }

    private static bool Digits(ReadOnlySpan<char> s, ref int i)
    {
        int start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i > start;
    }
}
