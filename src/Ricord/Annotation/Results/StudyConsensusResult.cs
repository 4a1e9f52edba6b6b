using Ricord.Annotation.Consensus;

namespace Ricord.Annotation.Results;

/// <summary>
/// One study of a reading project as the results see it: the submitted reader reads (by reader name, ordered),
/// how many the project requires, whether a submitted adjudication took part, and the consensus — null while the
/// study is incomplete (a reader read is not submitted yet), because a consensus of some reads is not one.
/// </summary>
public sealed record StudyConsensusResult(
    string StudyInstanceUid,
    IReadOnlyList<string> Readers,
    int RequiredReads,
    string? Adjudicator,
    StudyConsensus? Consensus)
{
    /// <summary>The study's PatientID in the catalog: the published one for a release imported as published, else the pseudonym.</summary>
    public string? PatientId { get; init; }

    public bool IsComplete => Consensus is not null;
}
