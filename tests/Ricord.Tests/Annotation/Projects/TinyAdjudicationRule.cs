using Ricord.Annotation.Projects;
using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;

namespace Ricord.Tests.Annotation.Projects;

/// <summary>A minimal rule for these tests (the consensus engine replaces it): for each single-choice study group,
/// AnyDisagreement fires on two different answers, NoMajority when no answer has more than half the reads.</summary>
internal sealed class TinyAdjudicationRule : IAdjudicationRule
{
    public bool UsesShapes => false;

    public bool NeedsAdjudication(LabelSchema schema, AdjudicationTrigger trigger, IReadOnlyList<ReadContent> readerReads)
    {
        Assert.All(readerReads, r => Assert.Empty(r.Shapes)); // labels only, as UsesShapes asks
        foreach (var group in schema.Groups.Where(g => g.Mode == LabelMode.SingleChoice && g.Scope == LabelScope.Study))
        {
            var answers = readerReads.Select(r => r.Labels.FirstOrDefault(l => LabelNames.Same(l.Group, group.Name))?.Label)
                .Select(a => a is null ? "" : LabelNames.Normalize(a)).ToList();
            var largest = answers.GroupBy(a => a).Max(g => g.Count());
            bool needs = trigger == AdjudicationTrigger.AnyDisagreement ? largest < answers.Count : largest * 2 <= answers.Count;
            if (needs)
            {
                return true;
            }
        }

        return false;
    }
}
