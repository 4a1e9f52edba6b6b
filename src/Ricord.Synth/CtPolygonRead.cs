namespace Ricord.Synth;

/// <summary>One simulated CT polygon: reader, label, slice of the annotated series, vertices in pixels (null for the empty-data rows RICORD has).</summary>
internal sealed record CtPolygonRead(int Reader, string Label, int Slice, double[]? Xs, double[]? Ys);
