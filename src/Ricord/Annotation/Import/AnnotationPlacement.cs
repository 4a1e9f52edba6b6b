namespace Ricord.Annotation.Import;

/// <summary>Where an INSTANCE annotation lands: its series, slice index in geometric order, and the image's size.</summary>
public sealed record AnnotationPlacement(string AnnotationId, string SeriesInstanceUid, string SopInstanceUid, int Slice, int Rows, int Columns);
