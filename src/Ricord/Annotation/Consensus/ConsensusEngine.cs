using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;

namespace Ricord.Annotation.Consensus;

/// <summary>
/// The consensus of one study's reads, pure and deterministic (docs/schemas.md, "Consensus"). Per STUDY-scope
/// choice group: the adjudicator's answer wins; otherwise the label given by <b>more than half of the reader
/// reads</b> (n = all reader reads passed, answered or not, so 2 of 3 is a majority, 1 of 3 with two readers
/// silent is not; a read with two labels in the group is a conflict, left out of that group: no vote, not in n);
/// all n giving it is "agreed". A read's answer in a group its own answer rules out (a grade on a read that says
/// Negative) is out of scope: no vote. Anything else is "no consensus", never a negative, and a
/// missing answer is never a vote for anything. A read with an exclusive label (<c>Invalid Study</c>) votes
/// that label in every group; an exclusive consensus is "not available". A group with
/// <see cref="LabelGroup.NotApplicableWhen"/> is "not applicable" where the other group's consensus is one of
/// the named labels, and follows the other group where that group has no consensus or is not available
/// (whether it applies is then unknown). Drawing and SERIES/INSTANCE groups are "not applicable" (segmentation
/// agreement is measured with Dice, not voted). Multiple-choice groups: each label is its own yes/absent question.
/// </summary>
public sealed partial class ConsensusEngine
{
    public StudyConsensus Compute(LabelSchema schema, IReadOnlyList<ReadContent> readerReads, ReadContent? adjudication = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(readerReads);
        var index = LabelSchemaIndex.Of(schema);
        var reads = readerReads.Select(r => new ReadAnswers(index, r)).ToList();
        var adjudicator = new ReadAnswers(index, adjudication);
        var single = new Dictionary<LabelGroup, GroupConsensus>(ReferenceEqualityComparer.Instance);
        var result = new List<GroupConsensus>();
        foreach (var g in schema.Groups)
        {
            if (g.Scope != LabelScope.Study || !g.Mode.IsChoice())
            {
                result.Add(new GroupConsensus(g.Name, ConsensusStatus.NotApplicable, null, [], reads.Count));
            }
            else if (g.Mode == LabelMode.SingleChoice)
            {
                var c = SingleChoice(g, reads, adjudicator);
                single[g] = c;
                result.Add(c);
            }
            else
            {
                result.AddRange(MultipleChoice(g, reads, adjudicator));
            }
        }

        // Conditions last, following chains (validated schemas have none that loop; the depth cap guards the rest).
        for (int i = 0; i < result.Count; i++)
        {
            var g = index.FindGroup(result[i].Group);
            if (g is not null)
            {
                result[i] = ApplyCondition(index, g, result[i], single, schema.Groups.Count);
            }
        }

        return new StudyConsensus(result, !adjudicator.IsEmpty);
    }

    private static GroupConsensus SingleChoice(LabelGroup g, List<ReadAnswers> reads, ReadAnswers adjudicator)
    {
        int conflicts = 0;
        var counts = new Dictionary<LabelDefinition, int>(ReferenceEqualityComparer.Instance);
        foreach (var r in reads)
        {
            if (r.Vote(g, out bool conflict) is { } v)
            {
                counts[v] = counts.GetValueOrDefault(v) + 1;
            }

            conflicts += conflict ? 1 : 0;
        }

        var votes = Votes(g, counts);
        // A conflicting read (two labels in this group) is left out of this group's consensus: neither vote nor denominator.
        int n = reads.Count - conflicts;
        if (adjudicator.Vote(g, out _) is { } a)
        {
            return Decided(g, a, ConsensusStatus.Adjudicated, votes, n, conflicts);
        }

        if (votes.Count == 0)
        {
            return new GroupConsensus(g.Name, ConsensusStatus.NotAvailable, null, votes, n, conflicts);
        }

        var top = counts.MaxBy(kv => kv.Value);
        return 2 * top.Value > n
            ? Decided(g, top.Key, top.Value == n ? ConsensusStatus.Agreed : ConsensusStatus.Majority, votes, n, conflicts)
            : new GroupConsensus(g.Name, ConsensusStatus.NoConsensus, null, votes, n, conflicts);
    }

    private static GroupConsensus Decided(LabelGroup g, LabelDefinition label, ConsensusStatus status, IReadOnlyList<LabelVote> votes, int n, int conflicts) =>
        new(g.Name, label.Exclusive ? ConsensusStatus.NotAvailable : status, label.Name, votes, n, conflicts);

    /// <summary>Votes most first, ties in schema order (exclusive labels from other groups after the group's own).</summary>
    private static List<LabelVote> Votes(LabelGroup g, Dictionary<LabelDefinition, int> counts) =>
        [.. counts.OrderByDescending(kv => kv.Value).ThenBy(kv => Rank(g, kv.Key)).Select(kv => new LabelVote(kv.Key.Name, kv.Value))];

    private static int Rank(LabelGroup g, LabelDefinition l)
    {
        for (int i = 0; i < g.Labels.Count; i++)
        {
            if (ReferenceEquals(g.Labels[i], l))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static GroupConsensus ApplyCondition(LabelSchemaIndex index, LabelGroup g, GroupConsensus c, Dictionary<LabelGroup, GroupConsensus> single, int depth)
    {
        if (depth <= 0 || g.NotApplicableWhen is not { } when || index.FindGroup(when.Group) is not { } other || !single.TryGetValue(other, out var parent))
        {
            return c;
        }

        parent = ApplyCondition(index, other, parent, single, depth - 1);
        bool parentDecided = parent.Status is ConsensusStatus.Agreed or ConsensusStatus.Majority or ConsensusStatus.Adjudicated;
        if (parentDecided && parent.Label is { } label && when.Labels.Any(n => LabelNames.Same(n, label)))
        {
            return c with { Status = ConsensusStatus.NotApplicable, Label = null };
        }

        if (parentDecided || c.Status == ConsensusStatus.Adjudicated)
        {
            return c;
        }

        return parent.Status switch
        {
            ConsensusStatus.NoConsensus => c with { Status = ConsensusStatus.NoConsensus, Label = null },
            ConsensusStatus.NotAvailable when c.Status != ConsensusStatus.NotAvailable => c with { Status = ConsensusStatus.NotAvailable, Label = parent.Label },
            ConsensusStatus.NotApplicable => c with { Status = ConsensusStatus.NotApplicable, Label = null },
            _ => c,
        };
    }
}
