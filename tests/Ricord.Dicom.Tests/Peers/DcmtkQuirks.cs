using System.Text.RegularExpressions;

namespace Ricord.Dicom.Tests.Peers;

/// <summary>
/// The short, documented list (docs/conformance.md, "dcmdump differences") of places where dcmdump's output differs
/// from Ricord's reading of the same bytes for a reason on dcmtk's side: formatting, or a value dcmtk changes on read.
/// Each returns true only when the two values are the same once that one difference is taken out.
/// </summary>
public static partial class DcmtkQuirks
{
    [GeneratedRegex(@"#=(\d+)\)?$")]
    private static partial Regex ItemCount();

    /// <summary>Why the values differ, or null when no listed quirk explains it.</summary>
    public static string? Explain(DicomTag tag, string vr, string dcmtk, string ours)
    {
        // 1. Formatting: DICOMDIR records print as `"Directory Record" PATIENT #=7` instead of `(Item with … length #=7)`.
        if (tag == DicomTag.Item && dcmtk.StartsWith("\"Directory Record\"", StringComparison.Ordinal)
            && ItemCount().Match(dcmtk) is { Success: true } d && ItemCount().Match(ours) is { Success: true } o
            && d.Groups[1].Value == o.Groups[1].Value)
        {
            return "directory record item formatting";
        }

        // 2. dcmtk deletes space characters inside UI values on read ("contains one or more space characters, which
        //    were removed"); Ricord keeps the bytes as found.
        if (vr == "UI" && dcmtk == ours.Replace(" ", "", StringComparison.Ordinal))
        {
            return "dcmtk removes spaces from UI values";
        }

        return null;
    }
}
