namespace Ricord.Dicom;

/// <summary>A deviation from the standard that the reader tolerated (odd length, wrong group length, …).</summary>
public sealed record DicomWarning(long Offset, DicomTag? Tag, string Message)
{
    /// <summary>"byte 132, (0010,0010): message"; the byte is left out for warnings not tied to an input position (offset −1).</summary>
    public override string ToString() => (Offset >= 0, Tag) switch
    {
        (true, { } t) => $"byte {Offset}, {t}: {Message}",
        (true, null) => $"byte {Offset}: {Message}",
        (false, { } t) => $"{t}: {Message}",
        _ => Message,
    };
}
