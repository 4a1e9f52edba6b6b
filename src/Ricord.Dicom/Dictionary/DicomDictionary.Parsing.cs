using System.Globalization;

namespace Ricord.Dicom;

// Reads the generated tables (Generated/*.g.cs): one tab-separated entry a line. Kept as text because a
// 5000-element array initializer takes seconds to JIT; parsing these lines takes about a millisecond.
public static partial class DicomDictionary
{
    private static DicomDictionaryEntry[] CreateEntries()
    {
        var entries = new List<DicomDictionaryEntry>(5200);
        Span<Range> f = stackalloc Range[8];
        foreach (var range in EntryData.AsSpan().Split('\n'))
        {
            var line = EntryData.AsSpan(range);
            if (line.IsEmpty)
            {
                continue;
            }

            line.Split(f, '\t');
            entries.Add(new DicomDictionaryEntry(new DicomTag(Hex(line[f[0]])), Hex(line[f[1]]), VRs(line[f[2]]),
                line[f[3]].ToString(), line[f[5]].ToString(), line[f[6]].ToString(), line[f[4]].SequenceEqual("R")));
        }

        return [.. entries];
    }

    private static (string Creator, DicomDictionaryEntry Entry)[] CreatePrivateEntries()
    {
        var entries = new List<(string, DicomDictionaryEntry)>(3000);
        Span<Range> f = stackalloc Range[7];
        foreach (var range in PrivateEntryData.AsSpan().Split('\n'))
        {
            var line = PrivateEntryData.AsSpan(range);
            if (line.IsEmpty)
            {
                continue;
            }

            line.Split(f, '\t');
            string keyword = line[f[5]].ToString();
            entries.Add((line[f[0]].ToString(), new DicomDictionaryEntry(new DicomTag(Hex(line[f[1]])), Hex(line[f[2]]), VRs(line[f[3]]),
                line[f[4]].ToString(), keyword, keyword, false)));
        }

        return [.. entries];
    }

    private static uint Hex(ReadOnlySpan<char> s) => uint.Parse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    /// <summary>"OB/OW" → [OB, OW]; "" → [] (items and delimiters have no VR).</summary>
    private static DicomVR[] VRs(ReadOnlySpan<char> s)
    {
        var vrs = new DicomVR[(s.Length + 1) / 3];
        for (int i = 0; i < vrs.Length; i++)
        {
            vrs[i] = (DicomVR)((s[i * 3] << 8) | s[(i * 3) + 1]);
        }

        return vrs;
    }
}
