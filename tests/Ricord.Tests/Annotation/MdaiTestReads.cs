using System.Text.Json;
using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;

namespace Ricord.Tests.Annotation;

/// <summary>
/// A minimal reading of an MD.ai export for tests: every annotation resolved to the schema by label name
/// (groups of the export are readers, not questions), collected per study and MD.ai label group.
/// </summary>
internal static class MdaiTestReads
{
    /// <summary>Study UID → MD.ai group name → the read. Throws when a label name is not in the schema.</summary>
    public static Dictionary<string, Dictionary<string, ReadContent>> Load(string path, LabelSchema schema)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = doc.RootElement;
        var index = new LabelSchemaIndex(schema);
        var groups = new Dictionary<string, string>();
        var labels = new Dictionary<string, (LabelGroup Group, LabelDefinition Label, string Scope, string? Mode)>();
        foreach (var g in root.GetProperty("labelGroups").EnumerateArray())
        {
            groups[g.GetProperty("id").GetString()!] = g.GetProperty("name").GetString()!;
            foreach (var l in g.GetProperty("labels").EnumerateArray())
            {
                string name = l.GetProperty("name").GetString()!;
                var found = index.FindLabel(name) ?? throw new InvalidOperationException($"label '{name}' of the export is not in schema {schema.Name}");
                labels[l.GetProperty("id").GetString()!] = (found.Group, found.Label, l.GetProperty("scope").GetString()!, l.GetProperty("annotationMode").GetString());
            }
        }

        var reads = new Dictionary<(string Study, string Group), (List<ReadLabel> Labels, List<ReadShape> Shapes)>();
        foreach (var a in root.GetProperty("datasets")[0].GetProperty("annotations").EnumerateArray())
        {
            var (group, label, _, _) = labels[a.GetProperty("labelId").GetString()!];
            string study = a.GetProperty("StudyInstanceUID").GetString()!;
            var key = (study, groups[a.GetProperty("groupId").GetString()!]);
            if (!reads.TryGetValue(key, out var read))
            {
                reads[key] = read = ([], []);
            }

            string? series = a.GetProperty("SeriesInstanceUID").GetString(), sop = a.GetProperty("SOPInstanceUID").GetString();
            var data = a.GetProperty("data");
            if (data.ValueKind == JsonValueKind.Null)
            {
                read.Labels.Add(new ReadLabel(group.Name, label.Name, series, sop));
            }
            else
            {
                var points = data.GetProperty("vertices").EnumerateArray().SelectMany(v => new[] { v[0].GetDouble(), v[1].GetDouble() }).ToList();
                read.Shapes.Add(new ReadShape(group.Name, label.Name, series!, sop!, 0, a.GetProperty("height").GetInt32(), a.GetProperty("width").GetInt32(), ShapeKind.Polygon, points));
            }
        }

        var result = new Dictionary<string, Dictionary<string, ReadContent>>();
        foreach (var ((study, group), (l, s)) in reads)
        {
            (result.TryGetValue(study, out var byGroup) ? byGroup : result[study] = [])[group] = new ReadContent(l, s);
        }

        return result;
    }

    /// <summary>The MD.ai scope and annotationMode of every label in the export, by label name.</summary>
    public static List<(string Name, string Scope, string? Mode)> LabelDefinitions(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        return [.. doc.RootElement.GetProperty("labelGroups").EnumerateArray().SelectMany(g => g.GetProperty("labels").EnumerateArray())
            .Select(l => (l.GetProperty("name").GetString()!, l.GetProperty("scope").GetString()!, l.GetProperty("annotationMode").GetString()))];
    }
}
