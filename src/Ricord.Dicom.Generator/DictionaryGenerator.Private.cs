using System.Globalization;
using System.Text;

namespace Ricord.Dicom.Generator;

public static partial class DictionaryGenerator
{
    /// <summary>
    /// The private dictionary: (creator, entry) pairs. An entry's Tag and Mask say where it applies:
    /// element "ee" → (gggg,00ee) with mask 0xFFFF00FF (any block the creator reserved); element "eeee" →
    /// that fixed element; group "60XX" → (6001,…) with the group mask 0xFF01 (any odd group 6001–60FF).
    /// </summary>
    public static string GeneratePrivateDictionary(string privateTsv)
    {
        var sb = new StringBuilder(CSharpText.Header).Append(
            """"

            namespace Ricord.Dicom;

            public static partial class DicomDictionary
            {
                // creator, tag, mask, VRs, VM, keyword
                private const string PrivateEntryData = """

            """");
        foreach (var f in TsvRow.Parse(privateTsv, 6, PrivateFile))
        {
            bool anyGroup = f[0].EndsWith("XX", StringComparison.OrdinalIgnoreCase);
            uint group = anyGroup ? ParseHex(f[0][..2] + "01") : ParseHex(f[0]);
            uint element = ParseHex(f[2]);
            uint mask = (anyGroup ? 0xFF010000u : 0xFFFF0000u) | (f[2].Length == 2 ? 0x00FFu : 0xFFFFu);
            if ((group & 1) == 0 || element > 0xFFFF || (f[2].Length == 4 && element < 0x1000))
            {
                throw new FormatException($"{PrivateFile}: ({f[0]},\"{f[1]}\",{f[2]}) is not a private data element.");
            }

            sb.Append("        ").Append(f[1]).Append('\t').Append(CSharpText.Hex8((group << 16) | element)).Append('\t').Append(CSharpText.Hex8(mask))
                .Append('\t').Append(CSharpText.VRCodes(f[3])).Append('\t').Append(f[4]).Append('\t').Append(f[5]).Append('\n');
        }

        return sb.Append("        \"\"\";\n}\n").ToString();
    }

    private static uint ParseHex(string s) => uint.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
