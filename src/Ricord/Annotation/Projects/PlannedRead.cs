using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

/// <summary>A reader read as the assignment planner sees it.</summary>
internal sealed record PlannedRead(long Id, long StudyId, long UserId, ReadState State);
