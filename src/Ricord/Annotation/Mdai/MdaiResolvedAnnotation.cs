namespace Ricord.Annotation.Mdai;

/// <summary>An annotation with its label and label group looked up (RICORD.md §9: label name, scope, mode, group, creator).</summary>
public sealed record MdaiResolvedAnnotation(MdaiAnnotation Annotation, MdaiLabel Label, MdaiLabelGroup Group)
{
    public string LabelName => Label.Name;

    public string GroupName => Group.Name;

    public string? CreatedById => Annotation.CreatedById;

    /// <summary>Upper-case scope (<c>STUDY</c>, <c>SERIES</c>, <c>INSTANCE</c>); STUDY when the label has none.</summary>
    public string Scope => Label.Scope?.ToUpperInvariant() ?? "STUDY";

    /// <summary>Lower-case annotation mode, inferred from the data's shape when the label has none; null for global labels.</summary>
    public string? Mode => Label.AnnotationMode?.ToLowerInvariant() ?? ModeOf(Annotation.Data);

    /// <summary>The annotation mode a <c>data</c> object's members imply; null when it has no geometry.</summary>
    public static string? ModeOf(MdaiData? data) => data switch
    {
        { Foreground: not null } or { Background: not null } => "mask",
        { Vertices: not null } => "freeform",
        { Cx: not null } => "ellipse",
        { Width: not null } => "bbox",
        { X: not null } => "location",
        _ => null,
    };
}
