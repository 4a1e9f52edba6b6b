using System.Collections.Frozen;
using System.Numerics;

namespace Ricord.Dicom;

/// <summary>
/// The PS3.6 data dictionary (DICOM 2024e), generated from Dictionary/Data/attributes.tsv, and a dictionary
/// of private data elements by creator (Dictionary/Data/private.tsv). Lookups by tag are allocation-free.
/// </summary>
public static partial class DicomDictionary
{
    private static readonly DicomDictionaryEntry[] AllEntries = CreateEntries();

    private static readonly FrozenDictionary<uint, DicomDictionaryEntry> ByTag =
        AllEntries.Where(e => e.Mask == 0xFFFFFFFF).ToFrozenDictionary(e => e.Tag.Value);

    // Repeating groups and elements ((60xx,3000), (0020,31xx), (1000,xxx0), …): one table per mask, the most
    // specific mask (most bits set) first; each keyed by tag & mask.
    private static readonly (uint Mask, FrozenDictionary<uint, DicomDictionaryEntry> Entries)[] ByMaskedTag =
    [
        .. AllEntries.Where(e => e.Mask != 0xFFFFFFFF)
            .GroupBy(e => e.Mask)
            .OrderByDescending(g => BitOperations.PopCount(g.Key))
            .ThenByDescending(g => g.Key)
            .Select(g => (g.Key, g.ToFrozenDictionary(e => e.Tag.Value & g.Key))),
    ];

    private static readonly FrozenDictionary<string, DicomDictionaryEntry> ByKeyword =
        AllEntries.Where(e => e.Keyword.Length > 0).ToFrozenDictionary(e => e.Keyword, StringComparer.Ordinal);

    /// <summary>Every PS3.6 entry, in tag order.</summary>
    public static IReadOnlyList<DicomDictionaryEntry> Entries => AllEntries;

    /// <summary>The entry for a tag, including repeating-group entries; null for unknown and private tags.</summary>
    public static DicomDictionaryEntry? Find(DicomTag tag)
    {
        uint v = tag.Value;
        if (ByTag.TryGetValue(v, out var entry))
        {
            return entry;
        }

        // Odd groups are private even inside 60xx or 7Fxx (PS3.5 7.8).
        if (tag.IsPrivate)
        {
            return null;
        }

        foreach (var (mask, entries) in ByMaskedTag)
        {
            if (entries.TryGetValue(v & mask, out entry))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The entry with this keyword ("PatientID"; "OverlayData" gives the (60xx,3000) entry), or null.</summary>
    public static DicomDictionaryEntry? Find(string keyword) => ByKeyword.GetValueOrDefault(keyword);

    /// <summary>The VR an implicit-VR reader uses for a tag (PS3.5 A.1): dictionary VR, UL for group lengths, LO for private creators, else UN.</summary>
    public static DicomVR ImplicitVR(DicomTag tag)
    {
        if (tag.IsGroupLength)
        {
            return DicomVR.UL;
        }

        if (tag.IsPrivateCreator)
        {
            return DicomVR.LO;
        }

        return tag.IsPrivate ? DicomVR.UN : Find(tag)?.DefaultVR ?? DicomVR.UN;
    }

    /// <summary>As <see cref="ImplicitVR(DicomTag)"/>, and for a private data element the private dictionary's VR under its creator (UN when unknown).</summary>
    public static DicomVR ImplicitVR(DicomTag tag, string? privateCreator)
    {
        if (privateCreator is null || !tag.IsPrivate || tag.Element <= 0x00FF)
        {
            return ImplicitVR(tag);
        }

        return FindPrivate(privateCreator, tag)?.DefaultVR ?? DicomVR.UN;
    }
}
