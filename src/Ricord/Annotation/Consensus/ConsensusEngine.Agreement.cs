using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;

namespace Ricord.Annotation.Consensus;

public sealed partial class ConsensusEngine
{
    /// <summary>
    /// How the readers agree on the study's deciding groups: the required STUDY-scope choice groups (the
    /// questions every read must answer, e.g. appearance; a grade is not required, so a grade split alone does
    /// not call an adjudicator), or every STUDY-scope choice group when none is required. Shapes are not looked at.
    /// Per group a read's answer is as in <see cref="Compute"/> (an exclusive label answers every group; two
    /// labels in a single-choice group, or none, is no answer). Unanimous: every read gives the same answer;
    /// majority: some answer has more than half of the reads; otherwise no majority.
    /// </summary>
    public ReaderAgreement Agreement(LabelSchema schema, IReadOnlyList<ReadContent> readerReads)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(readerReads);
        if (readerReads.Count == 0)
        {
            throw new ArgumentException("Agreement needs at least one reader read.", nameof(readerReads));
        }

        var index = LabelSchemaIndex.Of(schema);
        var reads = readerReads.Select(r => new ReadAnswers(index, r)).ToList();
        var choice = schema.Groups.Where(g => g.Scope == LabelScope.Study && g.Mode.IsChoice()).ToList();
        var deciding = choice.Where(g => g.Required).ToList() is { Count: > 0 } required ? required : choice;
        var worst = ReaderAgreement.Unanimous;
        foreach (var g in deciding)
        {
            // A read in conflict in the group (two labels) is left out of it, as in Compute.
            var answers = reads.Where(r => g.Mode != LabelMode.SingleChoice || r.In(g).Count <= 1).Select(r => Answer(g, r)).ToList();
            int n = answers.Count;
            var top = answers.Where(a => a is not null).GroupBy(a => a!, StringComparer.Ordinal).Select(x => x.Count()).DefaultIfEmpty(0).Max();
            var agreement = top == n ? ReaderAgreement.Unanimous : 2 * top > n ? ReaderAgreement.Majority : ReaderAgreement.NoMajority;
            worst = agreement > worst ? agreement : worst;
        }

        return worst;
    }

    /// <summary>A read's answer to a group as one comparable key (null: no answer).</summary>
    private static string? Answer(LabelGroup g, ReadAnswers r)
    {
        if (g.Mode == LabelMode.SingleChoice)
        {
            return r.Vote(g, out _)?.Name;
        }

        var choices = r.Choices(g);
        return choices.Count == 0 ? null : string.Join("\n", choices.Select(l => l.Name).Order(StringComparer.Ordinal));
    }
}
