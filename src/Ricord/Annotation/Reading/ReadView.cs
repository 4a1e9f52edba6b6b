using Ricord.Annotation.Reads;
using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

/// <summary>A read with its content, as the caller is allowed to see it. Pass <see cref="Version"/> back when saving.</summary>
public sealed record ReadView(
    long ReadId,
    string Project,
    string StudyInstanceUid,
    string User,
    ReadingRole Role,
    ReadState State,
    int Version,
    ReadContent Content,
    DateTime? SubmittedAt);
