namespace Ricord.Release;

/// <summary>The NIfTI-1 data types a release writes (nifti1.h DT_*), with their bits per voxel.</summary>
public enum NiftiDataType : short
{
    UInt8 = 2,
    Int16 = 4,
    Int8 = 256,
    UInt16 = 512,
}
