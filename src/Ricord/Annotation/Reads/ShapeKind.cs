namespace Ricord.Annotation.Reads;

/// <summary>The geometry of a <see cref="ReadShape"/>.</summary>
public enum ShapeKind
{
    /// <summary>A closed polygon, <see cref="ReadShape.Points"/> = x0, y0, x1, y1, … (x = column, y = row, pixel centres at integers).</summary>
    Polygon,

    /// <summary>A run-length mask, <see cref="ReadShape.Runs"/> = start, length, … with start = row · columns + column, ascending.</summary>
    Mask,

    /// <summary>A box, <see cref="ReadShape.Points"/> = x, y, width, height (top-left origin, MD.ai bbox).</summary>
    BoundingBox,
}
