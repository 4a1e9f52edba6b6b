namespace Ricord.Dicom.Imaging.Volumes;

/// <summary>A series that cannot be made into a volume at all (no instance with usable geometry).</summary>
public sealed class VolumeException : Exception
{
    public VolumeException()
        : this("The series cannot be assembled into a volume")
    {
    }

    public VolumeException(string message)
        : base(message)
    {
    }

    public VolumeException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
