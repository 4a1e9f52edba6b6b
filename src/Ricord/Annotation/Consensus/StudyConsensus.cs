using Ricord.Annotation.Schemas;

namespace Ricord.Annotation.Consensus;

/// <summary>The consensus of one study: an entry per schema group in schema order (several for a multiple-choice group), and whether an adjudicator's read took part.</summary>
public sealed record StudyConsensus(IReadOnlyList<GroupConsensus> Groups, bool Adjudicated)
{
    /// <summary>The (first) entry of the group named <paramref name="group"/> (normalised match), or null.</summary>
    public GroupConsensus? For(string group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return Groups.FirstOrDefault(g => LabelNames.Same(g.Group, group));
    }
}
