namespace Ricord.Annotation.Consensus;

/// <summary>
/// The consensus of one group of a study. <see cref="Label"/> is the consensus label as the schema spells it
/// (null for <see cref="ConsensusStatus.NoConsensus"/>, <see cref="ConsensusStatus.NotApplicable"/> and a
/// not-available group nobody answered). <see cref="Votes"/> counts the readers' labels (adjudicator excluded),
/// most votes first; <see cref="Reads"/> is the number of reader reads (the majority denominator);
/// <see cref="Conflicts"/> counts reads that gave two labels in a single-choice group (no vote).
/// A multiple-choice group has one entry per label any reader or the adjudicator chose.
/// </summary>
public sealed record GroupConsensus(string Group, ConsensusStatus Status, string? Label, IReadOnlyList<LabelVote> Votes, int Reads, int Conflicts = 0);
