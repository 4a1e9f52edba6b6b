using System.Security.Cryptography;
using System.Text;
using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;

namespace Ricord.Annotation.Mdai;

/// <summary>
/// Reads → an MD.ai export: one label group per reader (adjudication reads under
/// <see cref="MdaiExportOptions.AdjudicationGroup"/>), each holding every schema label with its exact string;
/// study labels with null data, polygons as <c>freeform</c>/<c>polygon</c> vertices, boxes as <c>bbox</c>, masks as
/// <c>mask</c> foreground rings (one pixel-edged rectangle per run and row, so they rasterise back exactly). Ids are
/// derived from names, so the same reads give the same bytes.
/// </summary>
public static partial class MdaiExportBuilder
{
    public static MdaiExport Build(IEnumerable<MdaiRead> reads, LabelSchema schema, MdaiExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reads);
        ArgumentNullException.ThrowIfNull(schema);
        options ??= MdaiExportOptions.Default;
        var all = reads.ToList();
        string GroupOf(MdaiRead r) => r.IsAdjudication ? options.AdjudicationGroup : r.Reader;
        var names = all.Where(r => !r.IsAdjudication).Select(r => r.Reader).Distinct().Order(StringComparer.Ordinal)
            .Concat(all.Any(r => r.IsAdjudication) ? [options.AdjudicationGroup] : []).ToList();
        var groups = names.ToDictionary(n => n, n => SchemaLabels(n, schema));
        var studies = all.Select(r => r.StudyInstanceUid).Distinct().Select((uid, i) => new MdaiStudy(uid, i + 1)).ToList();
        var annotations = new List<MdaiAnnotation>();
        foreach (var read in all)
        {
            string group = GroupOf(read);
            var labels = groups[group];
            string user = read.Reader.StartsWith("U_", StringComparison.Ordinal) ? read.Reader : Id('U', "user/" + read.Reader);
            MdaiAnnotation New(string labelId) => new(Id('A', $"annotation/{annotations.Count}"), labelId, read.StudyInstanceUid)
            {
                CreatedAt = options.Timestamp,
                UpdatedAt = options.Timestamp,
                CreatedById = user,
                UpdatedById = user,
                GroupId = Id('G', "group/" + group),
                IsImported = false,
                IsInterpolated = false,
            };

            foreach (var l in read.Content.Labels)
            {
                string scope = l.SopInstanceUid is not null ? "INSTANCE" : l.SeriesInstanceUid is not null ? "SERIES" : "STUDY";
                annotations.Add(New(LabelId(group, labels, l.Group, l.Label, scope, null)) with { SeriesInstanceUid = l.SeriesInstanceUid, SopInstanceUid = l.SopInstanceUid });
            }

            foreach (var s in read.Content.Shapes)
            {
                string mode = s.Kind switch { ShapeKind.BoundingBox => "bbox", ShapeKind.Mask => "mask", _ => "freeform" };
                annotations.Add(New(LabelId(group, labels, s.Group, s.Label, "INSTANCE", mode)) with
                {
                    SeriesInstanceUid = s.SeriesInstanceUid,
                    SopInstanceUid = s.SopInstanceUid,
                    FrameNumber = s.Frame,
                    Height = s.Rows > 0 ? s.Rows : null,
                    Width = s.Columns > 0 ? s.Columns : null,
                    Data = Data(s),
                });
            }
        }

        var labelGroups = names.Select(n => new MdaiLabelGroup(Id('G', "group/" + n), n, [.. groups[n].Values]) { Type = "PROJECT" }).ToList();
        return new MdaiExport(labelGroups, [new MdaiDataset(Id('D', "dataset/" + options.DatasetName), options.DatasetName, studies, annotations) { Type = "DICOM" }])
        {
            Properties = [new("id", Quote(Id('P', "project/" + options.ProjectName))), new("name", Quote(options.ProjectName))],
        };
    }

    private static Dictionary<(string Group, string Label), MdaiLabel> SchemaLabels(string group, LabelSchema schema)
    {
        var result = new Dictionary<(string, string), MdaiLabel>();
        foreach (var g in schema.Groups)
        {
            string? mode = g.Mode switch
            {
                LabelMode.Polygon => "polygon",
                LabelMode.Freeform => "freeform",
                LabelMode.Mask => "mask",
                LabelMode.BoundingBox => "bbox",
                _ => null,
            };
            foreach (var l in g.Labels)
            {
                result.TryAdd((g.Name, l.Name), new MdaiLabel(Id('L', $"label/{group}/{g.Name}/{l.Name}"), l.Name)
                {
                    Description = l.Description ?? string.Empty,
                    Color = l.Color,
                    AnnotationMode = mode,
                    Scope = g.Scope.ToString().ToUpperInvariant(),
                    Type = mode is null ? "GLOBAL" : "LOCAL",
                });
            }
        }

        return result;
    }

    // A label the schema lacks is added to the reader's group, so nothing a reader said is lost.
    private static string LabelId(string group, Dictionary<(string Group, string Label), MdaiLabel> labels, string schemaGroup, string label, string scope, string? mode)
    {
        if (!labels.TryGetValue((schemaGroup, label), out var l))
        {
            labels[(schemaGroup, label)] = l = new MdaiLabel(Id('L', $"label/{group}/{schemaGroup}/{label}"), label)
            {
                Description = string.Empty,
                Color = "#808080",
                AnnotationMode = mode,
                Scope = scope,
                Type = mode is null ? "GLOBAL" : "LOCAL",
            };
        }

        return l.Id;
    }

    private static string Quote(string s) => System.Text.Json.JsonSerializer.Serialize(s);

    /// <summary>MD.ai-style id: prefix letter, underscore, 8 characters from a SHA-256 of the key.</summary>
    internal static string Id(char prefix, string key)
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var sb = new StringBuilder(10).Append(prefix).Append('_');
        for (int i = 0; i < 8; i++)
        {
            sb.Append(alphabet[hash[i] % alphabet.Length]);
        }

        return sb.ToString();
    }
}
