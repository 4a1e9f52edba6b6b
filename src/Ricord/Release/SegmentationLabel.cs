namespace Ricord.Release;

/// <summary>A label of the release's label maps: its voxel value (1…), name as the schema spells it, drawing group and colour.</summary>
public sealed record SegmentationLabel(int Index, string Name, string Group, string? Color);
