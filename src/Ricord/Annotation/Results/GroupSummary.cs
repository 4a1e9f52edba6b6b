using Ricord.Annotation.Consensus;

namespace Ricord.Annotation.Results;

/// <summary>How many complete studies ended in each <see cref="ConsensusStatus"/> for one group (one entry per
/// label of a multiple-choice group counts once per study it appears in).</summary>
public sealed record GroupSummary(string Group, IReadOnlyList<int> CountsByStatus)
{
    public int this[ConsensusStatus status] => CountsByStatus[(int)status];
}
