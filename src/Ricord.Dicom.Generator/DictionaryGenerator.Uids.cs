using System.Text;

namespace Ricord.Dicom.Generator;

public static partial class DictionaryGenerator
{
    /// <summary>DicomUids: one field per SOP class (sop-classes.tsv) and hand-kept well-known UID, and the list of all.</summary>
    public static string GenerateUids(string sopClassesTsv, string wellKnownUidsTsv)
    {
        var uids = TsvRow.Parse(sopClassesTsv, 4, SopClassesFile)
            .Select(f => new Uid(f[0], f[1], "SopClass", f[2].Contains("(Retired)", StringComparison.OrdinalIgnoreCase), f[2]))
            .Concat(TsvRow.Parse(wellKnownUidsTsv, 5, WellKnownUidsFile).Select(f => new Uid(f[0], f[1], f[2], f[3] == "R", f[4])))
            .ToList();
        var duplicate = uids.GroupBy(u => u.Keyword).FirstOrDefault(g => g.Count() > 1)
            ?? uids.GroupBy(u => u.Value).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"UID data: '{duplicate.Key}' appears more than once.");
        }

        var sb = new StringBuilder(CSharpText.Header).Append(
            """

            namespace Ricord.Dicom;

            /// <summary>Well-known UIDs of PS3.6 Table A-1 (DICOM 2024e): SOP classes, transfer syntaxes and others.</summary>
            public static partial class DicomUids
            {

            """);
        foreach (var u in uids)
        {
            sb.Append("    /// <summary>").Append(CSharpText.Xml($"{u.Value}: {u.Name}.")).Append("</summary>\n")
                .Append("    public static readonly DicomUid ").Append(u.Keyword).Append(" = new(").Append(CSharpText.Literal(u.Value)).Append(", ")
                .Append(CSharpText.Literal(u.Keyword)).Append(", ").Append(CSharpText.Literal(u.Name)).Append(", DicomUidType.").Append(u.Type)
                .Append(", ").Append(u.Retired ? "true" : "false").Append(");\n\n");
        }

        sb.Append("    private static DicomUid[] CreateAll() =>\n    [\n");
        foreach (var u in uids)
        {
            sb.Append("        ").Append(u.Keyword).Append(",\n");
        }

        return sb.Append("    ];\n}\n").ToString();
    }

    private sealed record Uid(string Value, string Keyword, string Type, bool Retired, string Name);
}
