namespace Ricord.Release;

/// <summary>Where a build is: the stage ("dicom", "nifti", …), items done of the stage's total, bytes written so far.</summary>
public sealed record ReleaseProgress(string Stage, long Done, long Total, long Bytes);
