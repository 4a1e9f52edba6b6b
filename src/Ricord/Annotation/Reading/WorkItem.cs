using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

/// <summary>One entry of a worklist: the caller's own read of a study (no content, no one else's reads).</summary>
public sealed record WorkItem(long ReadId, string Project, string StudyInstanceUid, ReadingRole Role, ReadState State, int Version, DateTime UpdatedAt);
