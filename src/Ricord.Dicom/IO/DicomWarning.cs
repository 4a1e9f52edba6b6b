namespace Ricord.Dicom;

/// <summary>A deviation from the standard that the reader tolerated (odd length, wrong group length, …).</summary>
public sealed record DicomWarning(long Offset, DicomTag? Tag, string Message)
{
    public override string ToString() => Tag is { } t ? $"byte {Offset}, {t}: {Message}" : $"byte {Offset}: {Message}";
}
