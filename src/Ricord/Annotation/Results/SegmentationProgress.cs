namespace Ricord.Annotation.Results;

/// <summary>Segmentation agreement's progress: studies with drawings measured so far, of how many.</summary>
public readonly record struct SegmentationProgress(int Done, int Total);
