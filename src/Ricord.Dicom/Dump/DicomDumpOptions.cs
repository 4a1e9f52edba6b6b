namespace Ricord.Dicom;

/// <summary>Options for <see cref="DicomDumper"/>.</summary>
public sealed class DicomDumpOptions
{
    public static DicomDumpOptions Default { get; } = new();

    /// <summary>Values longer than this many characters are cut and end in "...".</summary>
    public int MaxValueWidth { get; init; } = 64;

    /// <summary>How many leading bytes of a binary value (OB, OW, UN, ...) are shown in hexadecimal.</summary>
    public int BinaryPreviewBytes { get; init; } = 16;

    /// <summary>Column where the "# length, VM keyword" comment starts (values are padded up to it).</summary>
    public int CommentColumn { get; init; } = 56;
}
