namespace Ricord.Annotation.Projects;

/// <summary>What an assignment pass changed: studies in the project, unstarted reads created, moved to another
/// reader, and deleted (their reader left). Started and submitted reads are never touched.</summary>
public sealed record AssignmentResult(int Studies, int Added, int Moved, int Removed);
