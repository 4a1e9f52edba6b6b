using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ricord.Annotation.Mdai;

/// <summary>
/// Writes an <see cref="MdaiExport"/> in MD.ai's export shape (RICORD.md §6): kept top-level members, labelGroups,
/// datasets with studies and annotations; label strings exactly as given (no escaping of <c>&gt;</c> or non-ASCII).
/// Streams: memory does not grow with the number of annotations written.
/// </summary>
public static partial class MdaiJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false };

    public static void WriteFile(MdaiExport export, string path, CancellationToken cancellationToken = default)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(export, stream, cancellationToken);
    }

    public static void Write(MdaiExport export, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(export);
        using var w = new Utf8JsonWriter(stream, Options);
        w.WriteStartObject();
        foreach (var (name, json) in export.Properties)
        {
            w.WritePropertyName(name);
            w.WriteRawValue(json);
        }

        w.WriteStartArray("labelGroups");
        foreach (var g in export.LabelGroups)
        {
            w.WriteStartObject();
            w.WriteString("id", g.Id);
            w.WriteString("name", g.Name);
            Optional(w, "type", g.Type);
            w.WriteStartArray("labels");
            foreach (var l in g.Labels)
            {
                Label(w, l);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("datasets");
        foreach (var d in export.Datasets)
        {
            w.WriteStartObject();
            w.WriteString("id", d.Id);
            w.WriteString("name", d.Name);
            Optional(w, "type", d.Type);
            w.WriteStartArray("studies");
            foreach (var s in d.Studies)
            {
                w.WriteStartObject();
                w.WriteString("StudyInstanceUID", s.StudyInstanceUid);
                Number(w, "number", s.Number);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("annotations");
            foreach (var a in d.Annotations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Annotation(w, a);
                if (w.BytesPending > 1 << 16)
                {
                    w.Flush();
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
    }

    private static void Label(Utf8JsonWriter w, MdaiLabel l)
    {
        w.WriteStartObject();
        w.WriteString("id", l.Id);
        w.WriteString("name", l.Name);
        w.WriteString("description", l.Description);
        w.WriteString("color", l.Color);
        w.WriteString("annotationMode", l.AnnotationMode);
        w.WriteString("scope", l.Scope);
        w.WriteString("type", l.Type);
        Strings(w, "radlexTagIds", l.RadlexTagIds);
        w.WriteString("parentId", l.ParentId);
        w.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Bool(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is { } v)
        {
            w.WriteBoolean(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
