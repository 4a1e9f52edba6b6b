namespace Ricord.Annotation.Consensus;

/// <summary>How a group's consensus label came about (docs/schemas.md, "Consensus").</summary>
public enum ConsensusStatus
{
    /// <summary>Every reader gave the same label (a single read agrees with itself).</summary>
    Agreed,

    /// <summary>One label was given by more than half of the readers, but not all.</summary>
    Majority,

    /// <summary>The adjudicator answered the group; their label wins.</summary>
    Adjudicated,

    /// <summary>No label was given by more than half of the readers (e.g. a 1-1-1 split) and nobody adjudicated. Never a negative.</summary>
    NoConsensus,

    /// <summary>No label can be given: the consensus is an exclusive label such as <c>Invalid Study</c> (then <see cref="GroupConsensus.Label"/> names it), or nobody answered.</summary>
    NotAvailable,

    /// <summary>The group does not apply: a drawing or non-STUDY group (consensus of segmentations is measured, not voted), or ruled out by <c>NotApplicableWhen</c> (grade of a negative study).</summary>
    NotApplicable,
}
