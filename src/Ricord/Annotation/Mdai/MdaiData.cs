namespace Ricord.Annotation.Mdai;

/// <summary>
/// The <c>data</c> of an annotation (RICORD.md §6.4), x = column and y = row in pixels: bbox (<see cref="X"/>,
/// <see cref="Y"/>, <see cref="Width"/>, <see cref="Height"/>), location (X, Y), ellipse (<see cref="Cx"/>,
/// <see cref="Cy"/>, <see cref="Rx"/>, <see cref="Ry"/>), freeform / polygon / line (<see cref="Vertices"/>) and
/// mask (<see cref="Foreground"/> then <see cref="Background"/> rings). Point lists are flat: x0, y0, x1, y1, ….
/// </summary>
public sealed record MdaiData
{
    public double? X { get; init; }

    public double? Y { get; init; }

    public double? Width { get; init; }

    public double? Height { get; init; }

    public double? Cx { get; init; }

    public double? Cy { get; init; }

    public double? Rx { get; init; }

    public double? Ry { get; init; }

    /// <summary>Vertices x0, y0, x1, y1, …; null where the file has none (or <c>"vertices": null</c>).</summary>
    public IReadOnlyList<double>? Vertices { get; init; }

    public IReadOnlyList<IReadOnlyList<double>>? Foreground { get; init; }

    public IReadOnlyList<IReadOnlyList<double>>? Background { get; init; }

    /// <summary>True when the data carries no geometry at all (e.g. <c>{"vertices": null}</c>).</summary>
    public bool IsEmpty => X is null && Y is null && Cx is null && Vertices is null && Foreground is null && Background is null;
}
