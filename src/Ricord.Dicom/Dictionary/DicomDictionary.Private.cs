using System.Collections.Frozen;

namespace Ricord.Dicom;

public static partial class DicomDictionary
{
    /// <summary>
    /// The private dictionary entry for element offset <paramref name="elementOffset"/> (the low byte, ee of
    /// (gggg,xxee)) in a block reserved by <paramref name="creator"/> in <paramref name="group"/>; null when unknown.
    /// The entry's Tag is (gggg,00ee) with Mask 0xFFFF00FF, or a fixed element when the source ties it to one block.
    /// </summary>
    public static DicomDictionaryEntry? FindPrivate(string creator, ushort group, byte elementOffset)
    {
        creator = creator.Trim();
        uint key = ((uint)group << 16) | elementOffset;
        return PrivateIndex.ByKey.GetValueOrDefault((creator, key))
            ?? PrivateIndex.ByKey.GetValueOrDefault((creator, key & 0xFF00FFFF))
            ?? PrivateIndex.FixedByOffset.GetValueOrDefault((creator, key));
    }

    /// <summary>The private dictionary entry for a private data element (gggg,xxee) whose block <paramref name="creator"/> reserved.</summary>
    public static DicomDictionaryEntry? FindPrivate(string creator, DicomTag tag)
    {
        if (!tag.IsPrivate || tag.Element <= 0x00FF)
        {
            return null;
        }

        return PrivateIndex.ByKey.GetValueOrDefault((creator.Trim(), tag.Value)) ?? FindPrivate(creator, tag.Group, (byte)tag.Element);
    }

    private static FrozenDictionary<(string Creator, uint Key), DicomDictionaryEntry> BuildPrivate(bool fixedByOffset)
    {
        var table = new Dictionary<(string Creator, uint Key), DicomDictionaryEntry>();
        foreach (var (creator, entry) in CreatePrivateEntries())
        {
            bool isFixed = (entry.Mask & 0xFF00) != 0;
            uint key = entry.Tag.Value;
            if ((entry.Mask & 0x00FE0000) == 0)
            {
                key &= 0xFF00FFFF; // 60XX: group 0x6000
            }

            if (fixedByOffset)
            {
                if (isFixed)
                {
                    table.TryAdd((creator, key & 0xFFFF00FF), entry);
                }
            }
            else
            {
                table[(creator, key)] = entry;
            }
        }

        return table.ToFrozenDictionary();
    }

    // Built on first private lookup only. Keys are (creator, group << 16 | element): element 0x00ee for entries
    // valid in any block, the full element for fixed ones; group 0xgg00 (even, never a real private group) for
    // 60XX-style ranges. FixedByOffset holds the fixed entries again by offset, for callers that know no block.
    private static class PrivateIndex
    {
        public static readonly FrozenDictionary<(string Creator, uint Key), DicomDictionaryEntry> ByKey = BuildPrivate(fixedByOffset: false);
        public static readonly FrozenDictionary<(string Creator, uint Key), DicomDictionaryEntry> FixedByOffset = BuildPrivate(fixedByOffset: true);
    }
}
