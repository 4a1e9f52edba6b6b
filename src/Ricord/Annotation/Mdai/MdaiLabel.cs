namespace Ricord.Annotation.Mdai;

/// <summary>
/// An MD.ai label (RICORD.md §6.2). <see cref="Name"/> is the exact published string; <see cref="AnnotationMode"/> is
/// <c>bbox</c>, <c>freeform</c>, <c>polygon</c>, <c>line</c>, <c>location</c>, <c>ellipse</c>, <c>mask</c> or null
/// for global labels; <see cref="Scope"/> is <c>STUDY</c>, <c>SERIES</c> or <c>INSTANCE</c>.
/// </summary>
public sealed record MdaiLabel(string Id, string Name)
{
    public string? Description { get; init; }

    public string? Color { get; init; }

    public string? AnnotationMode { get; init; }

    public string? Scope { get; init; }

    public string? Type { get; init; }

    public IReadOnlyList<string> RadlexTagIds { get; init; } = [];

    public string? ParentId { get; init; }
}
