namespace Ricord.Annotation.Consensus;

/// <summary>
/// How the readers of a study agree on its deciding groups (<see cref="ConsensusEngine.Agreement"/>). An
/// adjudication rule maps it: "no majority" adjudicates <see cref="NoMajority"/>; "any disagreement"
/// adjudicates everything but <see cref="Unanimous"/>.
/// </summary>
public enum ReaderAgreement
{
    /// <summary>Every reader gave the same answer to every deciding group.</summary>
    Unanimous,

    /// <summary>Every deciding group has a label given by more than half of the readers, but not all agree.</summary>
    Majority,

    /// <summary>Some deciding group has no label given by more than half of the readers.</summary>
    NoMajority,
}
