using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;

namespace Ricord.Annotation.Consensus;

/// <summary>
/// One read's STUDY-scope answers resolved against the schema: labels per group (distinct, schema order) and
/// the exclusive label, if any. Unknown names and labels of other scopes are ignored here (the
/// <see cref="ReadValidator"/> reports them); the consensus of what remains is still well defined.
/// </summary>
internal sealed class ReadAnswers
{
    private readonly Dictionary<LabelGroup, List<LabelDefinition>> _byGroup = new(ReferenceEqualityComparer.Instance);

    public ReadAnswers(LabelSchemaIndex index, ReadContent? read)
    {
        foreach (var l in read?.Labels ?? [])
        {
            if (l?.Group is null || l.Label is null || index.FindGroup(l.Group) is not { Scope: LabelScope.Study } g || !g.Mode.IsChoice()
                || index.FindLabel(g.Name, l.Label) is not { } def)
            {
                continue;
            }

            var list = _byGroup.TryGetValue(g, out var found) ? found : _byGroup[g] = [];
            if (!list.Contains(def))
            {
                list.Add(def);
            }

            Exclusive ??= def.Exclusive ? def : null;
        }
    }

    /// <summary>The first exclusive label the read gave at study scope (e.g. <c>Invalid Study</c>), or null.</summary>
    public LabelDefinition? Exclusive { get; }

    public bool IsEmpty => _byGroup.Count == 0;

    public IReadOnlyList<LabelDefinition> In(LabelGroup group) => _byGroup.TryGetValue(group, out var l) ? l : [];

    /// <summary>
    /// The read's one vote in a single-choice group: its label there, else its exclusive label (an invalid study
    /// is a vote in every group), else none. Two labels in the group are a conflict: no vote.
    /// </summary>
    public LabelDefinition? Vote(LabelGroup group, out bool conflict)
    {
        var labels = In(group);
        conflict = labels.Count > 1;
        return labels.Count == 1 ? labels[0] : labels.Count == 0 ? Exclusive : null;
    }

    /// <summary>The read's choices in a multiple-choice group; a read that chose nothing there but an exclusive label elsewhere chooses that.</summary>
    public IReadOnlyList<LabelDefinition> Choices(LabelGroup group)
    {
        var labels = In(group);
        return labels.Count == 0 && Exclusive is { } e ? [e] : labels;
    }
}
