namespace Ricord.Annotation.Agreement;

/// <summary>The size of one reader's (or the consensus') mask: voxels and mL.</summary>
public sealed record ReaderVolume(string Reader, long Voxels, double VolumeMl);
