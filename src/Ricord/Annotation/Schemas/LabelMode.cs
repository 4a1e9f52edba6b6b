namespace Ricord.Annotation.Schemas;

/// <summary>How a label group is answered: a choice among its labels, or a drawing on an image.</summary>
public enum LabelMode
{
    /// <summary>Exactly one label of the group (e.g. appearance).</summary>
    SingleChoice,

    /// <summary>Any subset of the group's labels; an exclusive label stands alone.</summary>
    MultipleChoice,

    /// <summary>Closed polygons in float pixel coordinates (MD.ai <c>polygon</c>).</summary>
    Polygon,

    /// <summary>Freehand closed outlines, stored as polygons (MD.ai <c>freeform</c>, RICORD-1A).</summary>
    Freeform,

    /// <summary>Run-length pixel masks.</summary>
    Mask,

    /// <summary>Axis-aligned boxes (MD.ai <c>bbox</c>).</summary>
    BoundingBox,
}
