namespace Ricord.Dicom;

/// <summary>A sequence of items (VR SQ), each a nested <see cref="DicomDataset"/> (PS3.5 7.5).</summary>
public sealed class DicomSequence : DicomElement
{
    public DicomSequence(DicomTag tag, IEnumerable<DicomDataset>? items = null)
        : base(tag, DicomVR.SQ, DicomBuffer.Empty)
    {
        Items = items is null ? [] : [.. items];
    }

    public List<DicomDataset> Items { get; }

    /// <summary>Whether the sequence was (and will be) written with undefined length and a delimiter.</summary>
    public bool UndefinedLength { get; set; } = true;

    public override long Length => -1;

    public override string ToString() => $"{Tag} SQ ({Items.Count} items)";
}
