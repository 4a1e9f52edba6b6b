using System.Text;
using System.Text.RegularExpressions;

namespace Ricord.Dicom.Generator;

/// <summary>
/// Turns the committed dictionary data files (src/Ricord.Dicom/Dictionary/Data) into the C# files in
/// src/Ricord.Dicom/Dictionary/Generated. Pure text to text, so a test can check the checked-in
/// output is current.
/// </summary>
public static partial class DictionaryGenerator
{
    public const string AttributesFile = "attributes.tsv";
    public const string SopClassesFile = "sop-classes.tsv";
    public const string WellKnownUidsFile = "well-known-uids.tsv";
    public const string PrivateFile = "private.tsv";

    /// <summary>Every generated file (name → text) from the data files in <paramref name="dataDirectory"/>.</summary>
    public static IReadOnlyDictionary<string, string> GenerateAll(string dataDirectory)
    {
        string Read(string name) => File.ReadAllText(Path.Combine(dataDirectory, name));
        string attributes = Read(AttributesFile);
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["DicomTags.g.cs"] = GenerateTags(attributes),
            ["DicomDictionary.Entries.g.cs"] = GenerateDictionary(attributes),
            ["DicomDictionary.PrivateEntries.g.cs"] = GeneratePrivateDictionary(Read(PrivateFile)),
            ["DicomUids.g.cs"] = GenerateUids(Read(SopClassesFile), Read(WellKnownUidsFile)),
        };
    }

    /// <summary>DicomTags: one field per keyword; a repeating-group entry gives its base tag (xx → 00).</summary>
    public static string GenerateTags(string attributesTsv)
    {
        var sb = new StringBuilder(CSharpText.Header).Append(
            """

            namespace Ricord.Dicom;

            /// <summary>Every keyword of the PS3.6 data dictionary (DICOM 2024e), retired ones included. Repeating-group elements (60xx, 50xx, …) give the first group.</summary>
            public static class DicomTags
            {

            """);
        foreach (var a in Attributes(attributesTsv).Where(a => a.Keyword.Length > 0))
        {
            string retired = a.Retired ? " Retired." : "";
            sb.Append("    /// <summary>").Append(CSharpText.Xml($"{a.TagText} {a.Name}: {a.VR}, VM {a.VM}.{retired}")).Append("</summary>\n")
                .Append("    public static readonly DicomTag ").Append(a.Keyword).Append(" = new(").Append("0x").Append(CSharpText.Hex8(a.Tag.Value)).Append(");\n");
        }

        return sb.Append("}\n").ToString();
    }

    /// <summary>
    /// The PS3.6 table behind DicomDictionary, one line per data element in a raw string literal (parsed once at
    /// run time: a 5000-entry array initializer costs seconds of JIT): tag and mask in hex, VRs slash-separated,
    /// VM, R when retired, keyword, name.
    /// </summary>
    public static string GenerateDictionary(string attributesTsv)
    {
        var sb = new StringBuilder(CSharpText.Header).Append(
            """"

            namespace Ricord.Dicom;

            public static partial class DicomDictionary
            {
                /// <summary>The DICOM edition the PS3.6 data elements come from.</summary>
                public const string Edition = "@EDITION@";

                // tag, mask, VRs, VM, retired, keyword, name
                private const string EntryData = """

            """");
        sb.Replace("@EDITION@", Edition(attributesTsv));
        foreach (var a in Attributes(attributesTsv))
        {
            sb.Append("        ").Append(CSharpText.Hex8(a.Tag.Value)).Append('\t').Append(CSharpText.Hex8(a.Tag.Mask)).Append('\t')
                .Append(CSharpText.VRCodes(a.VR)).Append('\t').Append(a.VM).Append('\t').Append(a.Retired ? "R" : "").Append('\t')
                .Append(a.Keyword).Append('\t').Append(a.Name).Append('\n');
        }

        return sb.Append("        \"\"\";\n}\n").ToString();
    }

    /// <summary>The edition named in the data file's first comment ("DICOM edition 2024e").</summary>
    private static string Edition(string attributesTsv) =>
        Regex.Match(attributesTsv, @"^#.*\bedition (\d{4}[a-z])\b", RegexOptions.Multiline) is { Success: true } m
            ? m.Groups[1].Value
            : throw new FormatException($"{AttributesFile}: the header comment must name the DICOM edition (\"edition 2024e\").");

    private static IEnumerable<Attribute> Attributes(string tsv) =>
        TsvRow.Parse(tsv, 6, AttributesFile).Select(f => new Attribute(f[0], DicomTagPattern.Parse(f[0]), f[1], f[2], f[3] == "R", f[4], f[5]));

    private sealed record Attribute(string TagText, DicomTagPattern Tag, string VR, string VM, bool Retired, string Keyword, string Name);
}
