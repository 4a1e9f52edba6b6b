namespace Ricord.Dicom.Imaging.Volumes;

/// <summary>What can be wrong with a series as a volume.</summary>
public enum VolumeIssueKind
{
    /// <summary>Two or more instances at the same position: one kept, the others dropped.</summary>
    Duplicate,

    /// <summary>A step between neighbouring slices above 1.5 × the median spacing: slices are missing.</summary>
    Gap,

    /// <summary>Steps that differ from the median by more than the tolerance (but are not gaps).</summary>
    UnevenSpacing,

    /// <summary>Instances with different Image Orientation (Patient); only the largest stack is kept.</summary>
    MixedOrientation,

    /// <summary>Instances with different Rows, Columns or Pixel Spacing; only the largest stack is kept.</summary>
    MixedSize,

    /// <summary>Slices advance along a direction that is not the slice normal (gantry tilt); the affine is sheared.</summary>
    GantryTilt,

    /// <summary>More than one stack in the series (other orientations or sizes, or repeated passes over the same positions).</summary>
    MultipleStacks,

    /// <summary>Instances without Image Position / Orientation (Patient) or Pixel Spacing; left out.</summary>
    MissingGeometry,
}
