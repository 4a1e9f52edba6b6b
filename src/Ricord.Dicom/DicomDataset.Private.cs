namespace Ricord.Dicom;

// Private data element blocks (PS3.5 7.8.1): (gggg,00bb) holds a creator string reserving elements (gggg,bb00-bbFF).
public sealed partial class DicomDataset
{
    /// <summary>
    /// The tag of element offset <paramref name="elementOffset"/> in the block that <paramref name="creator"/> reserved
    /// in private group <paramref name="group"/>, or null when no creator element in (gggg,0010-00FF) holds that creator.
    /// Creator strings are compared after trimming spaces.
    /// </summary>
    public DicomTag? FindPrivateTag(ushort group, string creator, byte elementOffset)
    {
        int block = FindPrivateBlock(group, creator);
        return block < 0 ? null : new DicomTag(group, (ushort)((block << 8) | elementOffset));
    }

    /// <summary>
    /// As <see cref="FindPrivateTag"/>, reserving a block first when the creator has none: the lowest free creator
    /// element (gggg,0010-00FF) gets <paramref name="creator"/> as LO.
    /// </summary>
    public DicomTag ReservePrivateTag(ushort group, string creator, byte elementOffset)
    {
        int block = FindPrivateBlock(group, creator);
        if (block < 0)
        {
            for (int b = 0x10; b <= 0xFF && block < 0; b++)
            {
                if (!Contains(new DicomTag(group, (ushort)b)))
                {
                    block = b;
                }
            }

            if (block < 0)
            {
                throw new InvalidOperationException($"Private group {group:X4} has no free creator element (gggg,0010-00FF) for '{creator}'.");
            }

            SetString(new DicomTag(group, (ushort)block), DicomVR.LO, creator.Trim());
        }

        return new DicomTag(group, (ushort)((block << 8) | elementOffset));
    }

    /// <summary>The creator (trimmed) that reserved the block of private data element (gggg,bbee); null when none or not a private data element.</summary>
    public string? GetPrivateCreator(DicomTag privateTag)
    {
        if (!privateTag.IsPrivate || privateTag.Element <= 0x00FF)
        {
            return null;
        }

        return GetString(privateTag.PrivateCreatorTag)?.Trim();
    }

    /// <summary>The block number (0x10-0xFF) whose creator element holds <paramref name="creator"/>, or -1.</summary>
    private int FindPrivateBlock(ushort group, string creator)
    {
        if ((group & 1) == 0 || group <= 0x0007 || group == 0xFFFF)
        {
            throw new ArgumentOutOfRangeException(nameof(group), $"Group {group:X4} is not a private (odd) group.");
        }

        creator = creator.Trim();
        int i = IndexOf(new DicomTag(group, 0x0010));
        for (i = i < 0 ? ~i : i; i < _elements.Count; i++)
        {
            var tag = _elements[i].Tag;
            if (tag.Group != group || tag.Element > 0x00FF)
            {
                break;
            }

            if (string.Equals(GetString(tag)?.Trim(), creator, StringComparison.Ordinal))
            {
                return tag.Element;
            }
        }

        return -1;
    }
}
