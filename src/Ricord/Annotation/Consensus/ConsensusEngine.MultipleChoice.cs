using Ricord.Annotation.Schemas;

namespace Ricord.Annotation.Consensus;

public sealed partial class ConsensusEngine
{
    /// <summary>
    /// A multiple-choice group: the adjudicator's choices win (one entry each); otherwise each label any reader
    /// chose is its own question (more than half → majority, all → agreed, else no consensus). Nobody choosing
    /// anything is "not available": absence is never a negative.
    /// </summary>
    private static IEnumerable<GroupConsensus> MultipleChoice(LabelGroup g, List<ReadAnswers> reads, ReadAnswers adjudicator)
    {
        int n = reads.Count;
        var counts = new Dictionary<LabelDefinition, int>(ReferenceEqualityComparer.Instance);
        foreach (var r in reads)
        {
            foreach (var l in r.Choices(g))
            {
                counts[l] = counts.GetValueOrDefault(l) + 1;
            }
        }

        var adjudicated = adjudicator.Choices(g);
        if (adjudicated.Count > 0)
        {
            foreach (var a in adjudicated)
            {
                yield return Decided(g, a, ConsensusStatus.Adjudicated, One(a, counts), n, 0);
            }

            yield break;
        }

        if (counts.Count == 0)
        {
            yield return new GroupConsensus(g.Name, ConsensusStatus.NotAvailable, null, [], n);
            yield break;
        }

        // An exclusive label (e.g. an invalid study) chosen by a majority decides the whole group.
        var exclusive = counts.Where(kv => kv.Key.Exclusive && 2 * kv.Value > n).Select(kv => kv.Key).FirstOrDefault();
        if (exclusive is not null)
        {
            yield return Decided(g, exclusive, ConsensusStatus.Majority, Votes(g, counts), n, 0);
            yield break;
        }

        foreach (var kv in counts.OrderBy(kv => Rank(g, kv.Key)))
        {
            var votes = One(kv.Key, counts);
            yield return kv.Value == n ? Decided(g, kv.Key, ConsensusStatus.Agreed, votes, n, 0)
                : 2 * kv.Value > n ? Decided(g, kv.Key, ConsensusStatus.Majority, votes, n, 0)
                : new GroupConsensus(g.Name, ConsensusStatus.NoConsensus, null, votes, n);
        }
    }

    private static List<LabelVote> One(LabelDefinition label, Dictionary<LabelDefinition, int> counts) => [new LabelVote(label.Name, counts.GetValueOrDefault(label))];
}
