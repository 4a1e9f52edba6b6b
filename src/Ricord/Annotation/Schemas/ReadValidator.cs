using Ricord.Annotation.Projects;
using Ricord.Annotation.Reads;

namespace Ricord.Annotation.Schemas;

/// <summary>
/// Checks one read against its schema; every message names the label or shape (by position and name), its
/// group and the field. Always: group and label exist (names after <see cref="LabelNames.Normalize"/>); STUDY
/// labels name no series or instance, SERIES labels a series, INSTANCE labels both; a single-choice group
/// has at most one label per study/series/instance; an exclusive label stands alone at its scope (same
/// study, series or instance, shapes included); shapes belong to drawing groups, fit the mode (polygons
/// in polygon/freeform groups, masks in polygon/freeform/mask groups, boxes in boundingBox groups) and have
/// valid geometry (see <see cref="ReadShape"/>). Labels without a shape in a drawing group are allowed:
/// MD.ai exports have INSTANCE annotations with null data. On submit also: every required group is
/// answered (an exclusive label answers them all), and no group is answered that
/// <see cref="LabelGroup.NotApplicableWhen"/> rules out.
/// </summary>
public sealed partial class ReadValidator : IReadValidator
{
    /// <summary>Every problem found, each a message a reader can act on; empty when the read is valid.</summary>
    public IReadOnlyList<string> Validate(LabelSchema schema, ReadContent content, bool submitting)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(content);
        var index = LabelSchemaIndex.Of(schema);
        var errors = new List<string>();

        // Everything the read says, resolved, keyed by where it is attached: (scope, series or instance UID).
        var at = new Dictionary<(LabelScope Scope, string Key), List<(LabelGroup Group, LabelDefinition Label)>>();
        var labels = content.Labels ?? [];
        for (int i = 0; i < labels.Count; i++)
        {
            if (CheckLabel(index, labels[i], i, errors) is { } found)
            {
                var key = (found.Group.Scope, KeyOf(found.Group.Scope, labels[i]));
                var list = at.TryGetValue(key, out var l) ? l : at[key] = [];
                if (list.Any(x => ReferenceEquals(x.Label, found.Label)))
                {
                    errors.Add($"{Where(labels[i], i)}: given twice{Place(key)}");
                    continue;
                }

                list.Add(found);
            }
        }

        var shapes = content.Shapes ?? [];
        var shapesAt = new Dictionary<string, List<(LabelGroup Group, LabelDefinition Label)>>(StringComparer.Ordinal);
        for (int i = 0; i < shapes.Count; i++)
        {
            if (CheckShape(index, shapes[i], i, errors) is { } found && !string.IsNullOrEmpty(shapes[i].SopInstanceUid))
            {
                (shapesAt.TryGetValue(shapes[i].SopInstanceUid, out var l) ? l : shapesAt[shapes[i].SopInstanceUid] = []).Add(found);
            }
        }

        foreach (var (key, list) in at)
        {
            foreach (var group in list.GroupBy(x => x.Group).Where(g => g.Key.Mode == LabelMode.SingleChoice && g.Count() > 1))
            {
                errors.Add($"group '{group.Key.Name}': single choice, but the read gives {group.Count()} labels{Place(key)}: {string.Join(", ", group.Select(x => $"'{x.Label.Name}'"))}");
            }

            var drawn = key.Scope == LabelScope.Instance && shapesAt.TryGetValue(key.Key, out var s) ? s : [];
            CheckExclusive(key, list, drawn, errors);
        }

        if (submitting)
        {
            var study = at.GetValueOrDefault((LabelScope.Study, "")) ?? [];
            CheckSubmit(schema, index, study, errors);
        }

        return errors;
    }

    private static (LabelGroup Group, LabelDefinition Label)? CheckLabel(LabelSchemaIndex index, ReadLabel label, int i, List<string> errors)
    {
        if (label is null)
        {
            errors.Add($"label #{i + 1}: is null");
            return null;
        }

        var found = Resolve(index, label.Group, label.Label, Where(label, i), errors);
        if (found is not { } f)
        {
            return null;
        }

        string where = Where(label, i);
        bool series = !string.IsNullOrWhiteSpace(label.SeriesInstanceUid), sop = !string.IsNullOrWhiteSpace(label.SopInstanceUid);
        string? problem = f.Group.Scope switch
        {
            LabelScope.Study when series || sop => "a STUDY label must not name a series or instance (SeriesInstanceUid and SopInstanceUid must be empty)",
            LabelScope.Series when !series || sop => "a SERIES label needs SeriesInstanceUid and no SopInstanceUid",
            LabelScope.Instance when !series || !sop => "an INSTANCE label needs SeriesInstanceUid and SopInstanceUid",
            _ => null,
        };
        if (problem is not null)
        {
            errors.Add($"{where}: {problem}");
            return null;
        }

        return f;
    }

    private static (LabelGroup Group, LabelDefinition Label)? Resolve(LabelSchemaIndex index, string? groupName, string? labelName, string where, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(groupName) || index.FindGroup(groupName) is not { } group)
        {
            errors.Add($"{where}: group '{groupName}' is not in schema '{index.Schema.Name}' (groups: {string.Join(", ", index.Schema.Groups.Select(g => $"'{g.Name}'"))})");
            return null;
        }

        if (string.IsNullOrWhiteSpace(labelName) || index.FindLabel(group.Name, labelName) is not { } def)
        {
            errors.Add($"{where}: label '{labelName}' is not in group '{group.Name}' (labels: {string.Join(", ", group.Labels.Select(l => $"'{l.Name}'"))})");
            return null;
        }

        return (group, def);
    }

    private static void CheckExclusive((LabelScope Scope, string Key) key, List<(LabelGroup Group, LabelDefinition Label)> list, List<(LabelGroup Group, LabelDefinition Label)> drawn, List<string> errors)
    {
        foreach (var x in list.Where(x => x.Label.Exclusive))
        {
            var others = list.Where(o => !ReferenceEquals(o.Label, x.Label)).Select(o => $"'{o.Label.Name}' (group '{o.Group.Name}')")
                .Concat(drawn.Select(o => $"a '{o.Label.Name}' shape (group '{o.Group.Name}')")).Distinct().ToList();
            if (others.Count > 0)
            {
                errors.Add($"group '{x.Group.Name}', label '{x.Label.Name}': exclusive, so it stands alone{Place(key)}, but the read also gives {string.Join(", ", others)}");
            }
        }
    }

    private static void CheckSubmit(LabelSchema schema, LabelSchemaIndex index, List<(LabelGroup Group, LabelDefinition Label)> study, List<string> errors)
    {
        bool excluded = study.Any(x => x.Label.Exclusive);
        foreach (var g in schema.Groups)
        {
            bool answered = study.Any(x => ReferenceEquals(x.Group, g));
            if (g.Required && !answered && !excluded)
            {
                errors.Add($"group '{g.Name}': required; choose {(g.Mode == LabelMode.SingleChoice ? "one" : "at least one")} of {string.Join(", ", g.Labels.Select(l => $"'{l.Name}'"))}");
            }

            if (answered && g.NotApplicableWhen is { } c && index.FindGroup(c.Group) is { } other
                && study.FirstOrDefault(x => ReferenceEquals(x.Group, other)) is { Label: { } given } && c.Labels.Any(n => LabelNames.Same(n, given.Name)))
            {
                errors.Add($"group '{g.Name}': does not apply when group '{other.Name}' is '{given.Name}'; remove {string.Join(", ", study.Where(x => ReferenceEquals(x.Group, g)).Select(x => $"'{x.Label.Name}'"))}");
            }
        }
    }

    private static string KeyOf(LabelScope scope, ReadLabel l) => scope switch
    {
        LabelScope.Series => l.SeriesInstanceUid ?? "",
        LabelScope.Instance => l.SopInstanceUid ?? "",
        _ => "",
    };

    private static string Place((LabelScope Scope, string Key) key) => key.Scope switch
    {
        LabelScope.Series => $" on series {key.Key}",
        LabelScope.Instance => $" on instance {key.Key}",
        _ => " for the study",
    };

    private static string Where(ReadLabel l, int i) => $"label #{i + 1} '{l.Label}' (group '{l.Group}')";
}
