namespace Ricord.Dicom;

/// <summary>Malformed DICOM bytes. Names the byte offset and, where known, the tag being read.</summary>
public sealed class DicomFormatException : Exception
{
    public DicomFormatException(string message, long offset, DicomTag? tag = null, string? source = null, Exception? inner = null)
        : base(Compose(message, offset, tag, source), inner)
    {
        Offset = offset;
        Tag = tag;
        SourceName = source;
    }

    public DicomFormatException()
        : this("Malformed DICOM data", 0)
    {
    }

    public DicomFormatException(string message)
        : this(message, 0)
    {
    }

    public DicomFormatException(string message, Exception inner)
        : this(message, 0, null, null, inner)
    {
    }

    /// <summary>Byte offset in the file (or stream) where the problem was found.</summary>
    public long Offset { get; }

    public DicomTag? Tag { get; }

    /// <summary>Set when the input never looked like DICOM: why not (empty, a JPEG, text, …; see <see cref="DicomSniffer"/>).</summary>
    public string? NotDicomReason { get; init; }

    /// <summary>True when the input never looked like DICOM (<see cref="NotDicomReason"/>).</summary>
    public bool NotDicom => NotDicomReason is not null;

    /// <summary>File name or other label of the input, if known.</summary>
    public string? SourceName { get; }

    private static string Compose(string message, long offset, DicomTag? tag, string? source)
    {
        string where = tag is { } t ? $"at byte {offset}, element {t}" : $"at byte {offset}";
        return source is null ? $"{message} ({where})" : $"{source}: {message} ({where})";
    }
}
