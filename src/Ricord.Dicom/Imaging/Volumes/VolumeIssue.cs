namespace Ricord.Dicom.Imaging.Volumes;

/// <summary>One finding of volume assembly, with the instances it concerns and, where it has one, a measure (mm or degrees).</summary>
public sealed record VolumeIssue(VolumeIssueKind Kind, string Message, IReadOnlyList<string> SopInstanceUids, double? Value = null)
{
    public override string ToString() => $"{Kind}: {Message}";
}
