using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ricord.Dicom;

/// <summary>
/// Reads the DICOM JSON Model (PS3.18 Annex F) into data sets. Text is encoded with the data set's
/// Specific Character Set when the JSON gives one (0008,0005); when it gives none and some text is
/// not ASCII, the result gets (0008,0005) "ISO_IR 192" (UTF-8), the only set that holds any JSON text.
/// A "BulkDataURI" is fetched with <see cref="DicomJsonReaderOptions.BulkDataResolver"/>, or kept as a
/// <see cref="DicomBulkDataElement"/>. Errors are <see cref="DicomJsonException"/>s naming the JSON path.
/// </summary>
public static partial class DicomJsonReader
{
    private static readonly DicomTag SpecificCharacterSet = new(0x00080005);

    /// <summary>Reads one JSON object (UTF-8 text) as a data set.</summary>
    public static DicomDataset Parse(ReadOnlyMemory<byte> utf8Json, DicomJsonReaderOptions? options = null)
    {
        using var doc = ParseDocument(utf8Json);
        return ReadRoot(doc.RootElement, "$", options ?? DicomJsonReaderOptions.Default);
    }

    public static DicomDataset Parse(string json, DicomJsonReaderOptions? options = null) =>
        Parse(Encoding.UTF8.GetBytes(json), options);

    /// <summary>Reads a JSON array of objects (the shape of a QIDO-RS response).</summary>
    public static IReadOnlyList<DicomDataset> ParseArray(ReadOnlyMemory<byte> utf8Json, DicomJsonReaderOptions? options = null)
    {
        options ??= DicomJsonReaderOptions.Default;
        using var doc = ParseDocument(utf8Json);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw Error($"expected an array of data sets, found {Kind(doc.RootElement)}", "$");
        }

        var result = new List<DicomDataset>();
        int i = 0;
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            result.Add(ReadRoot(item, $"$[{i++}]", options));
        }

        return result;
    }

    public static IReadOnlyList<DicomDataset> ParseArray(string json, DicomJsonReaderOptions? options = null) =>
        ParseArray(Encoding.UTF8.GetBytes(json), options);

    private static JsonDocument ParseDocument(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            return JsonDocument.Parse(utf8Json);
        }
        catch (JsonException ex)
        {
            throw new DicomJsonException($"not valid JSON: {ex.Message}", ex.Path ?? "$", ex);
        }
    }

    private static DicomDataset ReadRoot(JsonElement root, string path, DicomJsonReaderOptions options)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Error($"expected a data set object, found {Kind(root)}", path);
        }

        bool declared = root.TryGetProperty("00080005", out _);
        bool utf8 = !declared && HasNonAsciiText(root);
        var ds = new DicomDataset();
        if (utf8)
        {
            ds.Set(new DicomElement(SpecificCharacterSet, DicomVR.CS, Encoding.ASCII.GetBytes("ISO_IR 192")));
        }

        ReadInto(ds, root, path, options);
        return ds;
    }

    /// <summary>Reads the members of <paramref name="obj"/> into <paramref name="ds"/>; (0008,0005) first, since the others' encoding depends on it.</summary>
    private static void ReadInto(DicomDataset ds, JsonElement obj, string path, DicomJsonReaderOptions options)
    {
        if (obj.TryGetProperty("00080005", out var cs))
        {
            ds.Set(ReadElement(ds, SpecificCharacterSet, cs, $"{path}.00080005", options));
        }

        foreach (var member in obj.EnumerateObject())
        {
            string where = $"{path}.{member.Name}";
            if (member.Name.Length != 8 || !uint.TryParse(member.Name, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint t))
            {
                throw Error($"'{member.Name}' is not a tag; keys are 8 hexadecimal digits GGGGEEEE", where);
            }

            var tag = new DicomTag(t);
            if (tag != SpecificCharacterSet)
            {
                ds.Set(ReadElement(ds, tag, member.Value, where, options));
            }
        }
    }

    private static DicomElement ReadElement(DicomDataset owner, DicomTag tag, JsonElement json, string path, DicomJsonReaderOptions options)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw Error($"expected an object with \"vr\", found {Kind(json)}", path);
        }

        if (!json.TryGetProperty("vr", out var vrJson) || vrJson.ValueKind != JsonValueKind.String)
        {
            throw Error("missing \"vr\" (a two-letter string)", path);
        }

        if (!DicomVRInfo.TryParse(vrJson.GetString(), out var vr))
        {
            throw Error($"'{vrJson.GetString()}' is not a VR", $"{path}.vr");
        }

        bool hasValue = json.TryGetProperty("Value", out var value);
        bool hasInline = json.TryGetProperty("InlineBinary", out var inline);
        bool hasBulk = json.TryGetProperty("BulkDataURI", out var bulk);
        if ((hasValue ? 1 : 0) + (hasInline ? 1 : 0) + (hasBulk ? 1 : 0) > 1)
        {
            throw Error("only one of \"Value\", \"InlineBinary\" and \"BulkDataURI\" may be present", path);
        }

        if (hasInline)
        {
            return new DicomElement(tag, vr, ReadBase64(inline, $"{path}.InlineBinary", vr));
        }

        if (hasBulk)
        {
            if (bulk.ValueKind != JsonValueKind.String)
            {
                throw Error($"expected a URI string, found {Kind(bulk)}", $"{path}.BulkDataURI");
            }

            string uri = bulk.GetString()!;
            return options.BulkDataResolver is { } resolve ? new DicomElement(tag, vr, resolve(uri, vr)) : new DicomBulkDataElement(tag, vr, uri);
        }

        if (vr == DicomVR.SQ)
        {
            return ReadSequence(owner, tag, hasValue ? value : default, $"{path}.Value", options);
        }

        if (!hasValue || value.ValueKind == JsonValueKind.Null)
        {
            return new DicomElement(tag, vr, DicomBuffer.Empty);
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error($"\"Value\" must be an array, found {Kind(value)}", $"{path}.Value");
        }

        return new DicomElement(tag, vr, ReadValues(owner, vr, value, $"{path}.Value"));
    }

    private static DicomSequence ReadSequence(DicomDataset owner, DicomTag tag, JsonElement value, string path, DicomJsonReaderOptions options)
    {
        var sq = new DicomSequence(tag);
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return sq;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error($"\"Value\" of a sequence must be an array of objects, found {Kind(value)}", path);
        }

        int i = 0;
        foreach (var itemJson in value.EnumerateArray())
        {
            string where = $"{path}[{i++}]";
            if (itemJson.ValueKind != JsonValueKind.Object)
            {
                throw Error($"expected an item object, found {Kind(itemJson)}", where);
            }

            // Parent first, so that the item's text is encoded with the character set it inherits (PS3.5 7.5.3).
            var item = new DicomDataset { Parent = owner };
            ReadInto(item, itemJson, where, options);
            sq.Items.Add(item);
        }

        return sq;
    }

    private static byte[] ReadBase64(JsonElement json, string path, DicomVR vr)
    {
        if (json.ValueKind != JsonValueKind.String || !json.TryGetBytesFromBase64(out var bytes))
        {
            throw Error("expected a base64 string", path);
        }

        return DicomValueParser.Pad(bytes, vr);
    }

    private static DicomJsonException Error(string message, string path) => new(message, path);

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static bool HasNonAsciiText(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().Any(p => HasNonAsciiText(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().Any(HasNonAsciiText),
        JsonValueKind.String => !Ascii.IsValid(e.GetString()),
        _ => false,
    };
}
