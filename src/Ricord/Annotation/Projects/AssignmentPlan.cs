namespace Ricord.Annotation.Projects;

/// <summary>What to change: unstarted reads to delete, unstarted reads to hand to another reader, and new reads.</summary>
internal sealed record AssignmentPlan(
    IReadOnlyList<long> Delete,
    IReadOnlyList<(long ReadId, long UserId)> Move,
    IReadOnlyList<(long StudyId, long UserId)> Add);
