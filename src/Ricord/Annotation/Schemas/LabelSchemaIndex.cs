using System.Runtime.CompilerServices;

namespace Ricord.Annotation.Schemas;

/// <summary>
/// Looks up a schema's groups and labels by name after <see cref="LabelNames.Normalize"/>. Label names are unique
/// across a valid schema (an MD.ai export carries a label's name but not the question group), so
/// <see cref="FindLabel(string)"/> resolves a bare name to its group. On a schema with duplicates the first wins.
/// </summary>
public sealed class LabelSchemaIndex
{
    private readonly Dictionary<string, LabelGroup> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (LabelGroup Group, LabelDefinition Label)> _labels = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<LabelSchema, LabelSchemaIndex> Cache = new();
    private readonly Dictionary<(string Group, string Label), LabelDefinition> _byGroup = [];

    /// <summary>The index of <paramref name="schema"/>, built once per schema object (by reference; schemas are immutable
    /// records), so validating and voting thousands of reads against one project's schema does not rebuild it per read.</summary>
    public static LabelSchemaIndex Of(LabelSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return Cache.GetValue(schema, s => new LabelSchemaIndex(s));
    }

    public LabelSchemaIndex(LabelSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        foreach (var g in schema.Groups ?? [])
        {
            if (g?.Name is null)
            {
                continue;
            }

            string gk = LabelNames.Normalize(g.Name);
            _groups.TryAdd(gk, g);
            foreach (var l in g.Labels ?? [])
            {
                if (l?.Name is null)
                {
                    continue;
                }

                string lk = LabelNames.Normalize(l.Name);
                _labels.TryAdd(lk, (g, l));
                _byGroup.TryAdd((gk, lk), l);
            }
        }
    }

    public LabelSchema Schema { get; }

    public LabelGroup? FindGroup(string name) => _groups.GetValueOrDefault(LabelNames.Normalize(name));

    /// <summary>The label named <paramref name="label"/> in group <paramref name="group"/>, or null.</summary>
    public LabelDefinition? FindLabel(string group, string label) => _byGroup.GetValueOrDefault((LabelNames.Normalize(group), LabelNames.Normalize(label)));

    /// <summary>The group and definition of the label named <paramref name="label"/> anywhere in the schema, or null.</summary>
    public (LabelGroup Group, LabelDefinition Label)? FindLabel(string label) =>
        _labels.TryGetValue(LabelNames.Normalize(label), out var found) ? found : null;
}
