using System.Globalization;
using System.Text.Json;

namespace Ricord.Synth;

/// <summary>
/// Streams an MD.ai annotation export (RICORD.md §6): project header, labelGroups, then one dataset whose
/// studies and annotations are written in two sequential passes, so memory stays bounded.
/// </summary>
internal sealed class MdaiExportWriter : IDisposable
{
    private readonly Utf8JsonWriter _json;
    private readonly FileStream _stream;
    private readonly ulong _seed;
    private readonly string _project;
    private int _annotations;

    public MdaiExportWriter(string path, ulong seed, string project, string name, IReadOnlyList<(string Group, IReadOnlyList<MdaiLabel> Labels)> groups, string dataset)
    {
        _seed = seed;
        _project = project;
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        _json = new Utf8JsonWriter(_stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _json.WriteStartObject();
        _json.WriteString("id", MdaiIds.Make('P', seed, project + "/project", 8));
        _json.WriteString("name", name);
        _json.WriteString("createdAt", "2021-01-08T16:41:02.000Z");
        _json.WriteStartArray("labelGroups");
        foreach (var (group, labels) in groups)
        {
            _json.WriteStartObject();
            _json.WriteString("id", GroupId(group));
            _json.WriteString("name", group);
            _json.WriteString("type", "PROJECT");
            _json.WriteStartArray("labels");
            foreach (var l in labels)
            {
                _json.WriteStartObject();
                _json.WriteString("id", l.Id);
                _json.WriteString("name", l.Name);
                _json.WriteString("description", string.Empty);
                _json.WriteString("color", l.Color);
                _json.WriteString("type", l.Scope == "STUDY" ? "GLOBAL" : "LOCAL");
                _json.WriteString("scope", l.Scope);
                if (l.AnnotationMode is null)
                {
                    _json.WriteNull("annotationMode");
                }
                else
                {
                    _json.WriteString("annotationMode", l.AnnotationMode);
                }

                _json.WriteStartArray("radlexTagIds");
                _json.WriteEndArray();
                _json.WriteNull("parentId");
                _json.WriteEndObject();
            }

            _json.WriteEndArray();
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteStartArray("datasets");
        _json.WriteStartObject();
        _json.WriteString("id", MdaiIds.Make('D', seed, project + "/dataset"));
        _json.WriteString("name", dataset);
        _json.WriteString("type", "DICOM");
        _json.WriteStartArray("studies");
    }

    public string GroupId(string group) => MdaiIds.Make('G', _seed, $"{_project}/group/{group}");

    public void Study(string studyUid, int number)
    {
        _json.WriteStartObject();
        _json.WriteString("StudyInstanceUID", studyUid);
        _json.WriteNumber("number", number);
        _json.WriteEndObject();
        Flush();
    }

    /// <summary>Ends the studies array and opens the annotations array.</summary>
    public void BeginAnnotations()
    {
        _json.WriteEndArray();
        _json.WriteStartArray("annotations");
    }

    /// <summary>One annotation; series and SOP UIDs null for study labels, data null where the reader left none.</summary>
    public void Annotation(string labelId, string group, string userKey, string studyUid, string? seriesUid, string? sopUid, DateTime at, double[]? xs, double[]? ys, int? size)
    {
        int n = _annotations++;
        _json.WriteStartObject();
        _json.WriteString("id", MdaiIds.Make('A', _seed, $"{_project}/annotation/{n}"));
        _json.WriteString("labelId", labelId);
        _json.WriteString("StudyInstanceUID", studyUid);
        WriteOrNull("SeriesInstanceUID", seriesUid);
        WriteOrNull("SOPInstanceUID", sopUid);
        _json.WriteNull("frameNumber");
        if (xs is null || ys is null)
        {
            _json.WriteNull("data");
        }
        else
        {
            _json.WriteStartObject("data");
            _json.WriteStartArray("vertices");
            for (int i = 0; i < xs.Length; i++)
            {
                _json.WriteStartArray();
                _json.WriteNumberValue(xs[i]);
                _json.WriteNumberValue(ys[i]);
                _json.WriteEndArray();
            }

            _json.WriteEndArray();
            _json.WriteEndObject();
        }

        if (size is { } s)
        {
            _json.WriteNumber("height", s);
            _json.WriteNumber("width", s);
        }
        else
        {
            _json.WriteNull("height");
            _json.WriteNull("width");
        }

        _json.WriteNull("annotationNumber");
        _json.WriteNull("note");
        _json.WriteStartArray("radlexTagIds");
        _json.WriteEndArray();
        string stamp = at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        string user = MdaiIds.Make('U', _seed, $"{_project}/user/{userKey}");
        _json.WriteString("createdAt", stamp);
        _json.WriteString("createdById", user);
        _json.WriteString("updatedAt", stamp);
        _json.WriteString("updatedById", user);
        _json.WriteString("groupId", GroupId(group));
        _json.WriteBoolean("isImported", false);
        _json.WriteBoolean("isInterpolated", false);
        _json.WriteNull("parentId");
        _json.WriteNull("machineLearningModelId");
        _json.WriteEndObject();
        Flush();
    }

    public void Dispose()
    {
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        _json.Dispose();
        _stream.Dispose();
    }

    private void WriteOrNull(string name, string? value)
    {
        if (value is null)
        {
            _json.WriteNull(name);
        }
        else
        {
            _json.WriteString(name, value);
        }
    }

    private void Flush()
    {
        if (_json.BytesPending > 1 << 16)
        {
            _json.Flush();
        }
    }
}
