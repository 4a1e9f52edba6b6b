using System.Globalization;
using System.Text;

namespace Ricord.Dicom;

/// <summary>
/// Generates the opening of docs/conformance.md from the code's own tables, so that the
/// conformance statement can never drift from what the code does (a test compares them).
/// </summary>
public static class DicomConformance
{
    public static string Markdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine("# DICOM conformance statement");
        sb.AppendLine();
        sb.AppendLine("<!-- Generated from the code's tables by DicomConformance.Markdown(); the test `Conformance_statement_matches_the_code` keeps it current. -->");
        sb.AppendLine();
        sb.AppendLine("## Transfer syntaxes");
        sb.AppendLine();
        sb.AppendLine("Every transfer syntax below is read (data set, and pixel data as fragments where encapsulated) and written.");
        sb.AppendLine("Uncompressed syntaxes are transcoded into one another; encapsulated pixel data is written as it is.");
        sb.AppendLine();
        sb.AppendLine("| UID | name | VR | byte order | pixel data |");
        sb.AppendLine("|---|---|---|---|---|");
        foreach (var ts in DicomTransferSyntax.All)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| `{ts.Uid}` | {ts.Name} | {(ts.IsExplicitVR ? "explicit" : "implicit")} | ");
            sb.Append(ts.IsBigEndian ? "big endian" : "little endian");
            sb.Append(" | ");
            sb.Append(ts.IsEncapsulated ? (ts.IsLossy ? "encapsulated, lossy" : "encapsulated, lossless") : ts.IsDeflated ? "native, deflated data set" : "native");
            sb.AppendLine(" |");
        }

        sb.AppendLine();
        sb.AppendLine("## Specific character sets");
        sb.AppendLine();
        sb.AppendLine("| defined term | repertoire |");
        sb.AppendLine("|---|---|");
        foreach (var (term, description) in DicomCharacterSet.Supported)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| `{term}` | {description} |");
        }

        return sb.ToString();
    }
}
