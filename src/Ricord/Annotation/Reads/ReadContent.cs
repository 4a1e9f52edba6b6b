namespace Ricord.Annotation.Reads;

/// <summary>What one reader said about one study: labels at every scope and segmentation shapes.</summary>
public sealed record ReadContent(IReadOnlyList<ReadLabel> Labels, IReadOnlyList<ReadShape> Shapes)
{
    public static readonly ReadContent Empty = new([], []);
}
