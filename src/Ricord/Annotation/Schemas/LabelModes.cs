namespace Ricord.Annotation.Schemas;

/// <summary>What each <see cref="LabelMode"/> allows.</summary>
public static class LabelModes
{
    /// <summary>Modes answered by drawing on an image (shapes); they need INSTANCE scope.</summary>
    public static bool IsDrawing(this LabelMode mode) => mode is LabelMode.Polygon or LabelMode.Freeform or LabelMode.Mask or LabelMode.BoundingBox;

    /// <summary>Modes answered by picking labels (no geometry).</summary>
    public static bool IsChoice(this LabelMode mode) => mode is LabelMode.SingleChoice or LabelMode.MultipleChoice;
}
