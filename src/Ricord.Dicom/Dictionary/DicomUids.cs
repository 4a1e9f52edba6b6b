using System.Collections.Frozen;

namespace Ricord.Dicom;

/// <summary>Lookup over the generated well-known UIDs (DicomUids.g.cs).</summary>
public static partial class DicomUids
{
    /// <summary>Every well-known UID Ricord lists: SOP classes first, then the hand-kept ones.</summary>
    public static IReadOnlyList<DicomUid> All => Index.All;

    /// <summary>The well-known UID with this value (padding trimmed), or null.</summary>
    public static DicomUid? Find(string uid) => Index.ByValue.GetValueOrDefault(uid.Trim().TrimEnd('\0'));

    /// <summary>The well-known UID with this keyword (e.g. "CTImageStorage"), or null.</summary>
    public static DicomUid? FindByKeyword(string keyword) => Index.ByKeyword.GetValueOrDefault(keyword);

    /// <summary>The PS3.6 name of a UID ("CT Image Storage"), or null when it is not a well-known one.</summary>
    public static string? GetName(string uid) => Find(uid)?.Name;

    // A nested class so the tables are built after the generated fields, whatever order the partial files initialize in.
    private static class Index
    {
        public static readonly DicomUid[] All = CreateAll();
        public static readonly FrozenDictionary<string, DicomUid> ByValue = All.ToFrozenDictionary(u => u.Value, StringComparer.Ordinal);
        public static readonly FrozenDictionary<string, DicomUid> ByKeyword = All.ToFrozenDictionary(u => u.Keyword, StringComparer.Ordinal);
    }
}
