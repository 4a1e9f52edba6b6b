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
    private readonly LabelSchemaIndex _index;

    public ReadAnswers(LabelSchemaIndex index, ReadContent? read)
    {
        _index = index;
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
    /// The read's one vote in a single-choice group: its exclusive label if it gave one (an invalid study is a vote in
    /// every group, and stands alone: other labels of such a read are out of scope), else its label there, else none.
    /// Two labels in the group are a conflict: no vote.
    /// </summary>
    public LabelDefinition? Vote(LabelGroup group, out bool conflict)
    {
        var labels = In(group);
        conflict = Exclusive is null && labels.Count > 1;
        return Exclusive ?? (OutOfScope(group, 0) ? null : labels.Count == 1 ? labels[0] : null);
    }

    /// <summary>
    /// The read's rating in a single-choice group, for agreement: its <see cref="Vote"/> where that is a label of the
    /// group, by the same scope rules as the consensus (a conflict, or an answer the read's own answer rules out, rates
    /// nothing). A read with an exclusive label of another group (<c>Invalid Study</c> beside an appearance) rates nothing
    /// here: the exclusive label stands alone, so its other labels are out of scope, and it is no category of this group.
    /// </summary>
    public LabelDefinition? Rating(LabelGroup group) =>
        Vote(group, out _) is { } v && group.Labels.Any(l => ReferenceEquals(l, v)) ? v : null;

    /// <summary>The read's choices in a multiple-choice group; a read with an exclusive label chooses that alone.</summary>
    public IReadOnlyList<LabelDefinition> Choices(LabelGroup group)
    {
        var labels = In(group);
        return Exclusive is { } e ? [e] : OutOfScope(group, 0) ? [] : labels;
    }

    /// <summary>
    /// The schema rules the group out for this read by the read's own answer (<see cref="LabelGroup.NotApplicableWhen"/>:
    /// a grade given on a read that says Negative): an answer it gave there is out of scope, kept in the read and flagged
    /// at import, but no vote. Chains are followed (the depth guards a schema that loops).
    /// </summary>
    public bool OutOfScope(LabelGroup group, int depth) =>
        depth < 16 && group.NotApplicableWhen is { } when && _index.FindGroup(when.Group) is { } parent
        && (OutOfScope(parent, depth + 1) || (parent.Mode == LabelMode.SingleChoice && In(parent) is [var given] && when.Labels.Any(n => LabelNames.Same(n, given.Name))));
}
