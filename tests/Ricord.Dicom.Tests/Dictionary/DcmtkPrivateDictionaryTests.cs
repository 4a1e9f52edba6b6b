using System.Globalization;
using System.Text.RegularExpressions;

namespace Ricord.Dicom.Tests.Dictionary;

/// <summary>The committed private dictionary (Data/private.tsv) says what the private.dic of the dcmtk installed by
/// test.sh says: every entry, by creator, group and element offset (or fixed element), with the same VR.</summary>
public sealed partial class DcmtkPrivateDictionaryTests
{
    private const string PrivateDic = "/usr/share/libdcmtk17/private.dic";

    [GeneratedRegex(@"^\((?<g>[0-9a-fA-F]{4}),""(?<c>[^""]*)"",(?<e>[0-9a-fA-F]{2}|[0-9a-fA-F]{4})\)\t(?<vr>\S+)\t")]
    private static partial Regex Entry();

    [Fact]
    public void Every_single_group_entry_of_dcmtk_private_dic_resolves_to_its_VR()
    {
        Assert.True(File.Exists(PrivateDic), $"{PrivateDic} missing: install libdcmtk17 (test.sh installs dcmtk)");
        var expected = new Dictionary<(string Creator, ushort Group, string Element), string>();
        foreach (var line in File.ReadLines(PrivateDic))
        {
            if (Entry().Match(line) is { Success: true } m)
            {
                // A later duplicate replaces an earlier one, as in dcmtk.
                expected[(m.Groups["c"].Value, ushort.Parse(m.Groups["g"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture), m.Groups["e"].Value)] = m.Groups["vr"].Value;
            }
        }

        Assert.True(expected.Count > 2500, $"only {expected.Count} entries read from {PrivateDic}");
        var wrong = new List<string>();
        foreach (var ((creator, group, element), vr) in expected)
        {
            ushort e = ushort.Parse(element, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var entry = element.Length == 2 ? DicomDictionary.FindPrivate(creator, group, (byte)e) : DicomDictionary.FindPrivate(creator, new DicomTag(group, e));
            string want = vr is "ox" or "px" ? "OB" : vr;
            string? got = entry is null ? null : DicomVRInfo.Code(entry.DefaultVR);
            if (got != want)
            {
                wrong.Add($"({group:X4},\"{creator}\",{element}) dcmtk {vr}, Ricord {got ?? "none"}");
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {expected.Count} differ (regenerate Data/private.tsv from {PrivateDic}, docs/dictionary.md):\n" + string.Join('\n', wrong.Take(20)));
    }
}
