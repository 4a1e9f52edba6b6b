using System.Globalization;
using System.Text.Json;

namespace Ricord.Annotation.Mdai;

/// <summary>
/// Reads an MD.ai export (RICORD.md §6) from a stream token by token (bounded buffer, any size of file): every
/// dataset, every label and annotation field, every <c>data</c> shape; unknown members are skipped. Malformed JSON
/// or a wrong shape throws <see cref="MdaiFormatException"/> with line and byte position.
/// </summary>
public static partial class MdaiJsonReader
{
    /// <summary>An export as a plain JSON file, or zipped under any name (MD.ai's and TCIA's <c>*.json_.zip</c>): the zip's one JSON entry.</summary>
    public static MdaiExport ReadFile(string path, CancellationToken cancellationToken = default)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        if (IsZip(stream))
        {
            return ReadZip(stream, Path.GetFileName(path), cancellationToken);
        }

        // Errors name the file, not its folder (which may name a patient or a person).
        return Read(stream, Path.GetFileName(path), cancellationToken);
    }

    public static MdaiExport Read(Stream stream, string? sourceName = null, CancellationToken cancellationToken = default) =>
        Read(stream, sourceName, 1 << 16, cancellationToken);

    internal static MdaiExport Read(Stream stream, string? sourceName, int bufferSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var t = new JsonTokenStream(stream, sourceName, bufferSize);
        t.Next();
        List<MdaiLabelGroup>? groups = null;
        List<MdaiDataset>? datasets = null;
        var properties = new List<KeyValuePair<string, string>>();
        Object(t, "the export", name =>
        {
            switch (name)
            {
                case "labelGroups":
                    groups = [];
                    Array(t, "labelGroups", () => groups.Add(Group(t)));
                    break;
                case "datasets":
                    datasets = [];
                    Array(t, "datasets", () => datasets.Add(Dataset(t, cancellationToken)));
                    break;
                default:
                    properties.Add(new(name, t.CopyValue()));
                    break;
            }
        });
        if (t.Read())
        {
            throw t.Error("Unexpected content after the end of the export");
        }

        if (groups is null && datasets is null)
        {
            throw t.Error("Not an MD.ai export: neither 'labelGroups' nor 'datasets' is present");
        }

        return new MdaiExport(groups ?? [], datasets ?? []) { Properties = properties };
    }

    private static MdaiLabelGroup Group(JsonTokenStream t)
    {
        string id = "", name = "";
        string? type = null;
        var labels = new List<MdaiLabel>();
        Object(t, "a label group", m =>
        {
            switch (m)
            {
                case "id": id = String(t) ?? ""; break;
                case "name": name = String(t) ?? ""; break;
                case "type": type = String(t); break;
                case "labels": Array(t, "labels", () => labels.Add(Label(t))); break;
                default: t.Skip(); break;
            }
        });
        return new MdaiLabelGroup(id, name, labels) { Type = type };
    }

    private static MdaiLabel Label(JsonTokenStream t)
    {
        var label = new MdaiLabel("", "");
        Object(t, "a label", m => label = m switch
        {
            "id" => label with { Id = String(t) ?? "" },
            "name" => label with { Name = String(t) ?? "" },
            "description" => label with { Description = String(t) },
            "color" => label with { Color = String(t) },
            "annotationMode" => label with { AnnotationMode = String(t) },
            "scope" => label with { Scope = String(t) },
            "type" => label with { Type = String(t) },
            "radlexTagIds" => label with { RadlexTagIds = Strings(t) },
            "parentId" => label with { ParentId = String(t) },
            _ => Skipped(t, label),
        });
        return label;
    }

    private static MdaiDataset Dataset(JsonTokenStream t, CancellationToken cancellationToken)
    {
        string id = "", name = "";
        string? type = null;
        var studies = new List<MdaiStudy>();
        var annotations = new List<MdaiAnnotation>();
        Object(t, "a dataset", m =>
        {
            switch (m)
            {
                case "id": id = String(t) ?? ""; break;
                case "name": name = String(t) ?? ""; break;
                case "type": type = String(t); break;
                case "studies": Array(t, "studies", () => studies.Add(Study(t))); break;
                case "annotations":
                    Array(t, "annotations", () =>
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        annotations.Add(Annotation(t));
                    });
                    break;
                default: t.Skip(); break;
            }
        });
        return new MdaiDataset(id, name, studies, annotations) { Type = type };
    }

    private static MdaiStudy Study(JsonTokenStream t)
    {
        string uid = "";
        int? number = null;
        Object(t, "a study", m =>
        {
            switch (m)
            {
                case "StudyInstanceUID": uid = String(t) ?? ""; break;
                case "number": number = Int(t); break;
                default: t.Skip(); break;
            }
        });
        return new MdaiStudy(uid, number);
    }

    private static T Skipped<T>(JsonTokenStream t, T value)
    {
        t.Skip();
        return value;
    }

    // Current token starts an object; member(name) is called with the value's first token current and must consume it.
    private static void Object(JsonTokenStream t, string what, Action<string> member)
    {
        if (t.TokenType != JsonTokenType.StartObject)
        {
            throw t.Error($"Expected {what} to be an object, found {t.TokenType}");
        }

        while (true)
        {
            t.Next();
            if (t.TokenType == JsonTokenType.EndObject)
            {
                return;
            }

            string name = t.String!;
            t.Next();
            member(name);
        }
    }

    // Current token starts an array (null is an empty array); item() is called with each element's first token current.
    private static void Array(JsonTokenStream t, string what, Action item)
    {
        if (t.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (t.TokenType != JsonTokenType.StartArray)
        {
            throw t.Error($"Expected '{what}' to be an array, found {t.TokenType}");
        }

        while (true)
        {
            t.Next();
            if (t.TokenType == JsonTokenType.EndArray)
            {
                return;
            }

            item();
        }
    }

    private static string? String(JsonTokenStream t) => t.TokenType switch
    {
        JsonTokenType.String => t.String,
        JsonTokenType.Number => t.NumberText,
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => null,
        _ => throw t.Error($"Expected a string, found {t.TokenType}"),
    };

    private static IReadOnlyList<string> Strings(JsonTokenStream t)
    {
        var list = new List<string>();
        Array(t, "a list of strings", () =>
        {
            if (String(t) is { } s)
            {
                list.Add(s);
            }
        });
        return list;
    }

    private static int? Int(JsonTokenStream t) => t.TokenType switch
    {
        JsonTokenType.Number when double.TryParse(t.NumberText, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d is >= int.MinValue and <= int.MaxValue => (int)Math.Round(d),
        JsonTokenType.String when int.TryParse(t.String, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) => i,
        JsonTokenType.String or JsonTokenType.Null => null,
        _ => throw t.Error($"Expected an integer, found {t.TokenType}"),
    };

    private static double? Double(JsonTokenStream t) => t.TokenType switch
    {
        JsonTokenType.Number => t.Number,
        JsonTokenType.String when double.TryParse(t.String, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => d,
        JsonTokenType.Null => null,
        _ => throw t.Error($"Expected a number, found {t.TokenType}"),
    };

    private static bool? Bool(JsonTokenStream t) => t.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        JsonTokenType.String => bool.TryParse(t.String, out bool b) ? b : null,
        _ => throw t.Error($"Expected true or false, found {t.TokenType}"),
    };
}
