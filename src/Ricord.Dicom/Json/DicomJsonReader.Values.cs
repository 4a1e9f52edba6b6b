using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ricord.Dicom;

/// <summary>"Value" arrays by VR (PS3.18 Table F.2.3-1), encoded back to DICOM bytes.</summary>
public static partial class DicomJsonReader
{
    private static byte[] ReadValues(DicomDataset owner, DicomVR vr, JsonElement array, string path)
    {
        switch (vr)
        {
            case DicomVR.AT:
                return ReadTags(array, path);
            case DicomVR.US or DicomVR.SS or DicomVR.UL or DicomVR.SL or DicomVR.FL or DicomVR.FD or DicomVR.SV or DicomVR.UV:
                return ReadNumbers(vr, array, path);
            case DicomVR.OB or DicomVR.OD or DicomVR.OF or DicomVR.OL or DicomVR.OV or DicomVR.OW or DicomVR.UN:
                throw Error($"VR {DicomVRInfo.Code(vr)} takes \"InlineBinary\" or \"BulkDataURI\", not \"Value\"", path);
        }

        var texts = new List<string>();
        int i = 0;
        foreach (var v in array.EnumerateArray())
        {
            texts.Add(ReadText(vr, v, $"{path}[{i++}]"));
        }

        if (DicomVRInfo.IsSingleValuedText(vr) && texts.Count > 1)
        {
            throw Error($"VR {DicomVRInfo.Code(vr)} holds a single value, found {texts.Count}", path);
        }

        string joined = string.Join('\\', texts);
        return DicomValueParser.Pad(Encode(owner, vr, joined, path), vr);
    }

    private static string ReadText(DicomVR vr, JsonElement v, string path)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.Null:
                return "";
            case JsonValueKind.String:
                return v.GetString()!;
            case JsonValueKind.Number when vr is DicomVR.IS or DicomVR.DS:
                string raw = v.GetRawText(); // the exact text, so "1.50" stays "1.50"
                return vr == DicomVR.DS && raw.Length > 16 ? DicomValueParser.FormatDS(v.GetDouble()) : raw;
            case JsonValueKind.Object when vr == DicomVR.PN:
                return ReadPersonName(v, path);
            default:
                throw Error($"expected {(vr == DicomVR.PN ? "a person name object" : "a string")} for VR {DicomVRInfo.Code(vr)}, found {Kind(v)}", path);
        }
    }

    /// <summary>PS3.18 F.2.2: {"Alphabetic", "Ideographic", "Phonetic"} to "A=I=P".</summary>
    private static string ReadPersonName(JsonElement v, string path)
    {
        string a = "", i = "", p = "";
        foreach (var m in v.EnumerateObject())
        {
            if (m.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                throw Error($"expected a string, found {Kind(m.Value)}", $"{path}.{m.Name}");
            }

            string s = m.Value.GetString() ?? "";
            switch (m.Name)
            {
                case "Alphabetic": a = s; break;
                case "Ideographic": i = s; break;
                case "Phonetic": p = s; break;
                default: throw Error($"'{m.Name}' is not a person name group; expected Alphabetic, Ideographic or Phonetic", $"{path}.{m.Name}");
            }
        }

        return new DicomPersonName(a, i, p).ToString();
    }

    private static byte[] Encode(DicomDataset owner, DicomVR vr, string text, string path)
    {
        if (!DicomVRInfo.UsesSpecificCharacterSet(vr))
        {
            // The default repertoire is ASCII; Latin-1 is let through one-to-one, as DicomValueParser decodes it, so stray vendor bytes survive.
            if (text.Any(c => c > '\u00FF'))
            {
                throw Error($"VR {DicomVRInfo.Code(vr)} allows only the default repertoire (ASCII)", path);
            }

            return Encoding.Latin1.GetBytes(text);
        }

        var charset = owner.CharacterSet;
        byte[] bytes;
        try
        {
            bytes = charset.Encode(text, vr);
        }
        catch (DicomCharacterSetException ex)
        {
            throw new DicomJsonException(ex.Message, path, ex);
        }

        if (charset.Decode(bytes, vr) != text)
        {
            throw Error($"text cannot be encoded in the data set's character set ({string.Join('\\', charset.Terms)})", path);
        }

        return bytes;
    }

    private static byte[] ReadTags(JsonElement array, string path)
    {
        var bytes = new List<byte>(array.GetArrayLength() * 4);
        int i = 0;
        foreach (var v in array.EnumerateArray())
        {
            string where = $"{path}[{i++}]";
            if (v.ValueKind != JsonValueKind.String || v.GetString() is not { Length: 8 } s
                || !uint.TryParse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint t))
            {
                throw Error("expected a tag as a string of 8 hexadecimal digits GGGGEEEE", where);
            }

            bytes.AddRange([(byte)(t >> 16), (byte)(t >> 24), (byte)t, (byte)(t >> 8)]);
        }

        return [.. bytes];
    }

    private static byte[] ReadNumbers(DicomVR vr, JsonElement array, string path)
    {
        int size = DicomVRInfo.UnitSize(vr);
        var bytes = new byte[array.GetArrayLength() * size];
        int i = 0;
        foreach (var v in array.EnumerateArray())
        {
            string where = $"{path}[{i}]";
            var b = bytes.AsSpan(i++ * size);
            if (v.ValueKind is not (JsonValueKind.Number or JsonValueKind.String))
            {
                throw Error($"expected a number for VR {DicomVRInfo.Code(vr)}, found {Kind(v)}", where);
            }

            // Numbers are parsed from their text, never through double, so 64-bit values survive; strings are accepted too (CP 1861).
            string s = v.ValueKind == JsonValueKind.String ? v.GetString()!.Trim() : v.GetRawText();
            bool ok = TryWriteNumber(vr, s, b);
            if (!ok)
            {
                throw Error($"'{s}' is not a {DicomVRInfo.Code(vr)} value (out of range or not a number of that kind)", where);
            }
        }

        return bytes;
    }

    private static bool TryWriteNumber(DicomVR vr, string s, Span<byte> b)
    {
        const NumberStyles Integer = NumberStyles.AllowLeadingSign;
        var inv = CultureInfo.InvariantCulture;
        switch (vr)
        {
            case DicomVR.US when ushort.TryParse(s, Integer, inv, out var us): BinaryPrimitives.WriteUInt16LittleEndian(b, us); return true;
            case DicomVR.SS when short.TryParse(s, Integer, inv, out var ss): BinaryPrimitives.WriteInt16LittleEndian(b, ss); return true;
            case DicomVR.UL when uint.TryParse(s, Integer, inv, out var ul): BinaryPrimitives.WriteUInt32LittleEndian(b, ul); return true;
            case DicomVR.SL when int.TryParse(s, Integer, inv, out var sl): BinaryPrimitives.WriteInt32LittleEndian(b, sl); return true;
            case DicomVR.SV when long.TryParse(s, Integer, inv, out var sv): BinaryPrimitives.WriteInt64LittleEndian(b, sv); return true;
            case DicomVR.UV when ulong.TryParse(s, Integer, inv, out var uv): BinaryPrimitives.WriteUInt64LittleEndian(b, uv); return true;
            case DicomVR.FL when TryParseFloat(s, out double fl): BinaryPrimitives.WriteSingleLittleEndian(b, (float)fl); return true;
            case DicomVR.FD when TryParseFloat(s, out double fd): BinaryPrimitives.WriteDoubleLittleEndian(b, fd); return true;
            default: return false;
        }
    }

    /// <summary>A JSON number, or one of the strings the writer uses for values JSON cannot hold.</summary>
    private static bool TryParseFloat(string s, out double value)
    {
        switch (s)
        {
            case "NaN": value = double.NaN; return true;
            case "Infinity": value = double.PositiveInfinity; return true;
            case "-Infinity": value = double.NegativeInfinity; return true;
            default: return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
        }
    }
}
