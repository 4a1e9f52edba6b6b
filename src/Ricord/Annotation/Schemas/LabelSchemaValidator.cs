using System.Globalization;
using System.Text.RegularExpressions;

namespace Ricord.Annotation.Schemas;

/// <summary>
/// Structural checks of a label schema; every message names the group, label and field. Rules: a name
/// (letters, digits, '.', '_', '-') and a version ≥ 1; at least one group; group names and label names unique
/// after <see cref="LabelNames.Normalize"/> — label names across the whole schema, since MD.ai exports carry
/// label names without question groups; colours <c>#RRGGBB</c>; drawing modes only at INSTANCE scope;
/// required groups are STUDY-scope choice groups (a read cannot be forced to label every image); an ordinal
/// group is single choice and gives every non-exclusive label a distinct ordinal, and only ordinal groups give
/// ordinals; exclusive labels only in choice groups; <see cref="LabelGroup.NotApplicableWhen"/> names another
/// single-choice group of the same scope and labels in it, without cycles.
/// </summary>
public static partial class LabelSchemaValidator
{
    public static IReadOnlyList<string> Validate(LabelSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(schema.Name))
        {
            errors.Add("schema: name is missing");
        }
        else if (!SchemaName().IsMatch(schema.Name))
        {
            errors.Add($"schema '{schema.Name}': name may only contain letters, digits, '.', '_' and '-'");
        }

        if (schema.Version < 1)
        {
            errors.Add($"schema '{schema.Name}': version is {schema.Version.ToString(CultureInfo.InvariantCulture)}; versions start at 1");
        }

        if (schema.Groups is null || schema.Groups.Count == 0)
        {
            errors.Add($"schema '{schema.Name}': groups are missing; a schema needs at least one group");
            return errors;
        }

        var groupNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var labelNames = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < schema.Groups.Count; i++)
        {
            var g = schema.Groups[i];
            if (g is null)
            {
                errors.Add($"group #{(i + 1).ToString(CultureInfo.InvariantCulture)}: is null");
                continue;
            }

            if (string.IsNullOrWhiteSpace(g.Name))
            {
                errors.Add($"group #{(i + 1).ToString(CultureInfo.InvariantCulture)}: name is missing");
            }
            else if (!groupNames.TryAdd(LabelNames.Normalize(g.Name), g.Name))
            {
                errors.Add($"group '{g.Name}': name duplicates group '{groupNames[LabelNames.Normalize(g.Name)]}' (names are compared after normalisation)");
            }

            ValidateGroup(g, errors, labelNames);
        }

        ValidateConditions(schema, errors);
        return errors;
    }

    private static void ValidateGroup(LabelGroup g, List<string> errors, Dictionary<string, string> labelNames)
    {
        string at = $"group '{g.Name}'";
        if (!Enum.IsDefined(g.Scope))
        {
            errors.Add($"{at}: scope {g.Scope} is not STUDY, SERIES or INSTANCE");
        }

        if (!Enum.IsDefined(g.Mode))
        {
            errors.Add($"{at}: mode {g.Mode} is unknown");
        }

        if (g.Mode.IsDrawing() && g.Scope != LabelScope.Instance)
        {
            errors.Add($"{at}: mode {Json(g.Mode)} draws on images and needs scope INSTANCE, not {LabelSchemaJson.ScopeName(g.Scope)}");
        }

        if (g.Required && (g.Scope != LabelScope.Study || !g.Mode.IsChoice()))
        {
            errors.Add($"{at}: required is only allowed for STUDY-scope singleChoice or multipleChoice groups");
        }

        if (g.Ordinal && g.Mode != LabelMode.SingleChoice)
        {
            errors.Add($"{at}: an ordinal group must have mode singleChoice, not {Json(g.Mode)}");
        }

        if (g.Labels is null || g.Labels.Count == 0)
        {
            errors.Add($"{at}: labels are missing; a group needs at least one label");
            return;
        }

        var ordinals = new Dictionary<int, string>();
        for (int i = 0; i < g.Labels.Count; i++)
        {
            var l = g.Labels[i];
            if (l is null || string.IsNullOrWhiteSpace(l.Name))
            {
                errors.Add($"{at}, label #{(i + 1).ToString(CultureInfo.InvariantCulture)}: name is missing");
                continue;
            }

            string la = $"{at}, label '{l.Name}'";
            if (!labelNames.TryAdd(LabelNames.Normalize(l.Name), $"{g.Name}/{l.Name}"))
            {
                errors.Add($"{la}: name duplicates label '{labelNames[LabelNames.Normalize(l.Name)]}' (label names are unique across the schema after normalisation)");
            }

            if (l.Color is null || !Color().IsMatch(l.Color))
            {
                errors.Add($"{la}: color '{l.Color}' is not #RRGGBB");
            }

            if (l.Exclusive && !g.Mode.IsChoice())
            {
                errors.Add($"{la}: exclusive is only allowed in singleChoice or multipleChoice groups");
            }

            if (!g.Ordinal && l.Ordinal is not null)
            {
                errors.Add($"{la}: ordinal is set but the group is not ordinal");
            }
            else if (g.Ordinal && l.Ordinal is null && !l.Exclusive)
            {
                errors.Add($"{la}: ordinal is missing (every non-exclusive label of an ordinal group needs one)");
            }
            else if (g.Ordinal && l.Ordinal is { } o && !ordinals.TryAdd(o, l.Name))
            {
                errors.Add($"{la}: ordinal {o.ToString(CultureInfo.InvariantCulture)} is also given to '{ordinals[o]}'");
            }
        }
    }

    private static string Json(LabelMode mode) => LabelSchemaJson.ModeName(mode);

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex Color();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex SchemaName();
}
