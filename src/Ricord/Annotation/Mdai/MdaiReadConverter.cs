using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;

namespace Ricord.Annotation.Mdai;

/// <summary>
/// MD.ai export → reads per (study, reader). Labels match the schema by <see cref="LabelNames.Normalize"/> (the raw
/// string is kept in <see cref="MdaiConversion.Labels"/>); reads carry the schema's spelling. Drawings become
/// <see cref="ReadShape"/>s: freeform/polygon → polygon, bbox → box, mask rings and ellipses → rasterised runs.
/// INSTANCE drawings with null data or vertices are skipped with a warning naming the annotation.
/// </summary>
public static partial class MdaiReadConverter
{
    private const int MaxWarningsPerKind = 50;

    public static MdaiConversion Convert(MdaiExport export, LabelSchema schema, MdaiConversionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(schema);
        options ??= MdaiConversionOptions.Default;
        var index = new MdaiLabelIndex(export);
        var matches = Match(index, schema);
        var warnings = new Warnings();
        var unknown = new Dictionary<string, (string? Name, string? Group, int Count)>(StringComparer.Ordinal);
        var reads = new Dictionary<(string Study, string Reader, bool Adjudication), (List<ReadLabel> Labels, List<ReadShape> Shapes)>();
        int excluded = 0;
        var skipped = new List<string>();
        foreach (var a in export.Annotations)
        {
            var r = index.Resolve(a);
            if (r is not null && options.ExcludedGroups.Any(g => LabelNames.Same(g, r.GroupName)))
            {
                excluded++;
                continue;
            }

            if (r is null || !matches.TryGetValue(a.LabelId, out var m))
            {
                var u = unknown.GetValueOrDefault(a.LabelId, (r?.LabelName, r?.GroupName, 0));
                unknown[a.LabelId] = (u.Item1, u.Item2, u.Item3 + 1);
                continue;
            }

            bool adjudication = LabelNames.Same(r.GroupName, options.AdjudicationGroup);
            string reader = options.ReaderKey == MdaiReaderKey.ByGroup ? r.GroupName : a.CreatedById ?? "(no creator)";
            var key = (a.StudyInstanceUid, reader, adjudication);
            if (!reads.TryGetValue(key, out var read))
            {
                reads[key] = read = ([], []);
            }

            switch (r.Mode)
            {
                case null:
                    Add(read.Labels, Label(r, m));
                    break;
                case "line" or "location":
                    warnings.Add(r.Mode, $"annotation {a.Id} ('{r.LabelName}'): a {r.Mode} is kept as a label on its instance, without coordinates");
                    Add(read.Labels, new ReadLabel(m.SchemaGroup, m.SchemaLabel, a.SeriesInstanceUid, a.SopInstanceUid));
                    break;
                default:
                    if (Shape(r, m, options, warnings) is { } shape)
                    {
                        read.Shapes.Add(shape);
                    }
                    else
                    {
                        skipped.Add(a.Id);
                    }

                    break;
            }
        }

        var result = reads.OrderBy(k => k.Key.Study, StringComparer.Ordinal).ThenBy(k => k.Key.Adjudication).ThenBy(k => k.Key.Reader, StringComparer.Ordinal)
            .Select(k => new MdaiRead(k.Key.Study, k.Key.Reader, k.Key.Adjudication, new ReadContent(k.Value.Labels, k.Value.Shapes))).ToList();
        CheckSingleChoice(result, schema, warnings);
        return new MdaiConversion(
            result,
            [.. matches.Values.OrderBy(x => x.MdaiGroup, StringComparer.Ordinal).ThenBy(x => x.RawName, StringComparer.Ordinal)],
            [.. unknown.Select(u => new MdaiUnknownLabel(u.Key, u.Value.Name, u.Value.Group, u.Value.Count)).OrderByDescending(u => u.Annotations).ThenBy(u => u.LabelId, StringComparer.Ordinal)],
            warnings.All)
        {
            ExcludedAnnotations = excluded,
            SkippedAnnotations = skipped,
        };
    }

    private static ReadLabel Label(MdaiResolvedAnnotation r, MdaiLabelMatch m) => r.Scope switch
    {
        "INSTANCE" => new ReadLabel(m.SchemaGroup, m.SchemaLabel, r.Annotation.SeriesInstanceUid, r.Annotation.SopInstanceUid),
        "SERIES" => new ReadLabel(m.SchemaGroup, m.SchemaLabel, r.Annotation.SeriesInstanceUid),
        _ => new ReadLabel(m.SchemaGroup, m.SchemaLabel),
    };

    private static void Add(List<ReadLabel> labels, ReadLabel label)
    {
        if (!labels.Contains(label))
        {
            labels.Add(label);
        }
    }

    // Each MD.ai label id → the schema label with the same normalised name, preferring a group of the same scope and kind.
    private static Dictionary<string, MdaiLabelMatch> Match(MdaiLabelIndex index, LabelSchema schema)
    {
        var byName = new Dictionary<string, List<(LabelGroup Group, LabelDefinition Label)>>(StringComparer.Ordinal);
        foreach (var g in schema.Groups)
        {
            foreach (var l in g.Labels)
            {
                string key = LabelNames.Normalize(l.Name);
                if (!byName.TryGetValue(key, out var list))
                {
                    byName[key] = list = [];
                }

                list.Add((g, l));
            }
        }

        var result = new Dictionary<string, MdaiLabelMatch>(StringComparer.Ordinal);
        foreach (var (label, group) in index.Labels)
        {
            if (!byName.TryGetValue(LabelNames.Normalize(label.Name), out var candidates))
            {
                continue;
            }

            bool drawing = label.AnnotationMode is not null;
            var best = candidates.OrderByDescending(c => (c.Group.Scope.ToString().Equals(label.Scope, StringComparison.OrdinalIgnoreCase) ? 2 : 0)
                + (IsDrawing(c.Group.Mode) == drawing ? 1 : 0)).First();
            result[label.Id] = new MdaiLabelMatch(label.Id, label.Name, group.Name, best.Group.Name, best.Label.Name);
        }

        return result;
    }

    private static bool IsDrawing(LabelMode mode) => mode is not (LabelMode.SingleChoice or LabelMode.MultipleChoice);

    // A reader answering two labels of a single-choice group for the same target is a conflict (RICORD.md §3.2).
    private static void CheckSingleChoice(List<MdaiRead> reads, LabelSchema schema, Warnings warnings)
    {
        var single = schema.Groups.Where(g => g.Mode == LabelMode.SingleChoice).Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var read in reads)
        {
            foreach (var conflict in read.Content.Labels.Where(l => single.Contains(l.Group)).GroupBy(l => (l.Group, l.SeriesInstanceUid, l.SopInstanceUid)).Where(g => g.Count() > 1))
            {
                warnings.Add("conflict", $"study {read.StudyInstanceUid}, reader '{read.Reader}': {conflict.Count()} answers in single-choice group '{conflict.Key.Group}' ({string.Join(", ", conflict.Select(l => l.Label))})");
            }
        }
    }
}
