using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

/// <summary>One member's reads in a project by state.</summary>
public sealed record MemberProgress(string User, ReadingRole Role, bool Active, int Assigned, int InProgress, int Submitted);
