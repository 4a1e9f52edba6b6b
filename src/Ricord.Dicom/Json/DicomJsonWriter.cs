using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ricord.Dicom;

/// <summary>
/// Writes a data set in the DICOM JSON Model (PS3.18 Annex F): one member per element, keyed by
/// "GGGGEEEE", holding {"vr", and "Value" | "InlineBinary" | "BulkDataURI"}. Empty values have no
/// "Value". Text is decoded with the data set's Specific Character Set; JSON itself is always UTF-8
/// and (0008,0005) is written as it is. Encapsulated pixel data has no standard inline form, so it is
/// written as a BulkDataURI when <see cref="DicomJsonWriterOptions.BulkDataUri"/> gives one, else with no value.
/// </summary>
public static partial class DicomJsonWriter
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Pretty = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    /// <summary>The data set as a JSON object (UTF-8 text).</summary>
    public static string ToJson(DicomDataset dataset, DicomJsonWriterOptions? options = null) =>
        Encoding.UTF8.GetString(ToUtf8Bytes(dataset, options));

    public static byte[] ToUtf8Bytes(DicomDataset dataset, DicomJsonWriterOptions? options = null)
    {
        using var stream = new MemoryStream();
        Write(stream, dataset, options);
        return stream.ToArray();
    }

    /// <summary>Writes the data set as one JSON object to <paramref name="utf8Stream"/>.</summary>
    public static void Write(Stream utf8Stream, DicomDataset dataset, DicomJsonWriterOptions? options = null)
    {
        options ??= DicomJsonWriterOptions.Default;
        using var writer = new Utf8JsonWriter(utf8Stream, options.Indented ? Pretty : Compact);
        Write(writer, dataset, options);
    }

    /// <summary>Writes several data sets as a JSON array (the shape of a QIDO-RS response).</summary>
    public static void WriteArray(Stream utf8Stream, IEnumerable<DicomDataset> datasets, DicomJsonWriterOptions? options = null)
    {
        options ??= DicomJsonWriterOptions.Default;
        using var writer = new Utf8JsonWriter(utf8Stream, options.Indented ? Pretty : Compact);
        writer.WriteStartArray();
        foreach (var ds in datasets)
        {
            WriteObject(writer, ds, options);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes the data set as one JSON object at the writer's current position.</summary>
    public static void Write(Utf8JsonWriter writer, DicomDataset dataset, DicomJsonWriterOptions? options = null)
    {
        WriteObject(writer, dataset, options ?? DicomJsonWriterOptions.Default);
        writer.Flush();
    }

    private static void WriteObject(Utf8JsonWriter writer, DicomDataset dataset, DicomJsonWriterOptions options)
    {
        var charset = dataset.CharacterSet;
        writer.WriteStartObject();
        Span<char> key = stackalloc char[8];
        foreach (var e in dataset)
        {
            e.Tag.Value.TryFormat(key, out _, "X8", System.Globalization.CultureInfo.InvariantCulture);
            writer.WritePropertyName(key);
            WriteElement(writer, e, charset, options);
        }

        writer.WriteEndObject();
    }

    private static void WriteElement(Utf8JsonWriter w, DicomElement e, DicomCharacterSet charset, DicomJsonWriterOptions options)
    {
        var vr = e.VR == DicomVR.None ? DicomVR.UN : e.VR;
        w.WriteStartObject();
        w.WriteString("vr", DicomVRInfo.Code(vr));
        switch (e)
        {
            case DicomBulkDataElement bulk:
                w.WriteString("BulkDataURI", bulk.Uri);
                break;
            case DicomSequence sq:
                WriteSequence(w, sq, options);
                break;
            case DicomFragmentSequence f:
                if (options.BulkDataUri?.Invoke(f) is { } fragmentsUri)
                {
                    w.WriteString("BulkDataURI", fragmentsUri);
                }

                break;
            default:
                WriteValue(w, e, vr, charset, options);
                break;
        }

        w.WriteEndObject();
    }

    private static void WriteSequence(Utf8JsonWriter w, DicomSequence sq, DicomJsonWriterOptions options)
    {
        if (sq.Items.Count == 0)
        {
            return;
        }

        w.WriteStartArray("Value");
        foreach (var item in sq.Items)
        {
            WriteObject(w, item, options);
        }

        w.WriteEndArray();
    }
}
