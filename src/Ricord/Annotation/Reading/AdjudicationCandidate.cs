namespace Ricord.Annotation.Projects;

/// <summary>A study waiting for adjudication: its submitted reader reads, and the adjudicators who have started on it.</summary>
public sealed record AdjudicationCandidate(string StudyInstanceUid, int ReaderReads, IReadOnlyList<string> AdjudicatorsStarted);
