namespace Ricord.Annotation.Reads;

/// <summary>
/// One drawing of a segmentation label on one frame of one instance, keyed by SOPInstanceUID (never by
/// InstanceNumber or file order). Rows/Columns are the image size the coordinates refer to. Polygons
/// rasterise with <see cref="PolygonRasterizer"/> (pixel centres, even-odd).
/// </summary>
public sealed record ReadShape(
    string Group,
    string Label,
    string SeriesInstanceUid,
    string SopInstanceUid,
    int Frame,
    int Rows,
    int Columns,
    ShapeKind Kind,
    IReadOnlyList<double>? Points = null,
    IReadOnlyList<int>? Runs = null);
