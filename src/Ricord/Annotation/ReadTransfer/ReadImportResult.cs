namespace Ricord.Annotation.Projects;

/// <summary>The outcome for one imported read: study (catalog UID), reader (user name), adjudication or not, and messages
/// (validation errors, the conflict) that name the study, reader and label.</summary>
public sealed record ReadImportResult(string StudyInstanceUid, string Reader, bool IsAdjudication, ReadImportOutcome Outcome, IReadOnlyList<string> Messages);
