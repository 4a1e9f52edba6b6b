using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;

namespace Ricord.Annotation.Projects;

/// <summary>
/// A published read is kept whole (<see cref="ReadImportOptions.AsPublished"/>): what the schema's validator would refuse
/// in a submit from the UI but a valid published read can contain is flagged instead, and left out of the copy that is
/// validated. The stored read is the release's; the consensus engine applies the same rules to it (docs/schemas.md):
/// <list type="bullet">
/// <item>two labels of one single-choice group at one target: a conflict, that group of that read left out of consensus;</item>
/// <item>labels beside an exclusive label (an appearance on an "Invalid Study" read): out of scope, the exclusive label votes;</item>
/// <item>a label in a group the read's own answer rules out (<see cref="LabelGroup.NotApplicableWhen"/>, a grade on a
/// Negative read): out of scope, no vote.</item>
/// </list>
/// Required groups left unanswered are allowed (the release has what it has). Flags name the group and labels only.
/// </summary>
public static class PublishedReadReview
{
    public static (ReadContent Checked, IReadOnlyList<string> Flags) Review(LabelSchema schema, ReadContent content)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(content);
        var index = LabelSchemaIndex.Of(schema);
        var labels = content.Labels ?? [];
        var found = labels.Select(l => l is null || index.FindGroup(l.Group) is not { } g || index.FindLabel(g.Name, l.Label) is not { } d ? default((LabelGroup G, LabelDefinition D)?) : (g, d)).ToList();
        var left = new HashSet<int>();
        var flags = new List<string>();

        foreach (var conflict in Enumerable.Range(0, labels.Count).Where(i => found[i] is { G.Mode: LabelMode.SingleChoice })
            .GroupBy(i => (found[i]!.Value.G, labels[i].SeriesInstanceUid, labels[i].SopInstanceUid)).Where(g => g.Select(i => found[i]!.Value.D).Distinct().Count() > 1))
        {
            left.UnionWith(conflict);
            flags.Add($"conflicting labels in single-choice group '{conflict.Key.G.Name}' ({Names(conflict, found)}): kept, that group of this read left out of consensus");
        }

        var study = Enumerable.Range(0, labels.Count).Where(i => found[i] is { G.Scope: LabelScope.Study } && !left.Contains(i)).ToList();
        if (study.FirstOrDefault(i => found[i]!.Value.D.Exclusive, -1) is var ex and >= 0 && study.Where(i => !found[i]!.Value.D.Exclusive).ToList() is { Count: > 0 } beside)
        {
            left.UnionWith(beside);
            flags.Add($"out of scope: {Names(beside, found)} beside exclusive '{found[ex]!.Value.D.Name}': kept, the exclusive label votes");
        }

        foreach (int i in study.Where(i => !left.Contains(i)).ToList())
        {
            var (g, d) = found[i]!.Value;
            if (g.NotApplicableWhen is { } when && study.FirstOrDefault(j => !left.Contains(j) && LabelNames.Same(found[j]!.Value.G.Name, when.Group), -1) is var k and >= 0
                && when.Labels.Any(n => LabelNames.Same(n, found[k]!.Value.D.Name)))
            {
                left.Add(i);
                flags.Add($"out of scope: '{d.Name}' (group '{g.Name}') on a read whose '{found[k]!.Value.G.Name}' is '{found[k]!.Value.D.Name}': kept, no vote");
            }
        }

        return (left.Count == 0 ? content : content with { Labels = [.. labels.Where((_, i) => !left.Contains(i))] }, flags);
    }

    private static string Names(IEnumerable<int> indices, List<(LabelGroup G, LabelDefinition D)?> found) =>
        string.Join(", ", indices.Select(i => $"'{found[i]!.Value.D.Name}'").Distinct());
}
