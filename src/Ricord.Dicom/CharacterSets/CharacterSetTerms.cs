using System.Text.RegularExpressions;

namespace Ricord.Dicom;

/// <summary>Defined terms of Specific Character Set (PS3.3 C.12.1.1.2) and tolerant reading of misspelt ones.</summary>
internal static partial class CharacterSetTerms
{
    public const string Utf8 = "ISO_IR 192";
    public const string Gb18030 = "GB18030";
    public const string Gbk = "GBK";

    private static readonly HashSet<string> SingleByteNumbers = ["6", "100", "101", "109", "110", "144", "127", "126", "138", "148", "166", "13"];
    private static readonly HashSet<string> ExtensionNumbers = [.. SingleByteNumbers, "87", "159", "149", "58"];

    // ISO 8859 part to ISO-IR registration number.
    private static readonly Dictionary<string, string> Iso8859Parts = new()
    {
        ["1"] = "100", ["2"] = "101", ["3"] = "109", ["4"] = "110", ["5"] = "144",
        ["6"] = "127", ["7"] = "126", ["8"] = "138", ["9"] = "148", ["11"] = "166",
    };

    /// <summary>Terms that cannot be combined with code extensions (PS3.5 6.1.2.5.4).</summary>
    public static bool IsStandAlone(string term) => term is Utf8 or Gb18030 or Gbk;

    /// <summary>The defined term meant by <paramref name="term"/>, or null when the intent is not clear.</summary>
    public static string? Normalize(string term)
    {
        string t = term.Trim(' ', '\0');
        if (IsDefined(t))
        {
            return t;
        }

        string compact = t.ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal)
            .Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (IsoIr().Match(compact) is { Success: true } ir && SingleByteNumbers.Contains(ir.Groups[1].Value))
        {
            return "ISO_IR " + ir.Groups[1].Value;
        }

        if (IsoIr().Match(compact) is { Success: true } ir192 && ir192.Groups[1].Value == "192")
        {
            return Utf8;
        }

        if (Iso2022().Match(compact) is { Success: true } ext && ExtensionNumbers.Contains(ext.Groups[1].Value))
        {
            return "ISO 2022 IR " + ext.Groups[1].Value;
        }

        if (Iso8859().Match(compact) is { Success: true } part && Iso8859Parts.TryGetValue(part.Groups[1].Value, out string? number))
        {
            return "ISO_IR " + number;
        }

        return compact switch
        {
            "UTF8" => Utf8,
            "GB18030" => Gb18030,
            "GBK" or "ISO2022GBK" => Gbk, // CP 1234 spelling
            "ISO202258" => "ISO 2022 IR 58",
            "LATIN1" => "ISO_IR 100",
            "ASCII" => "ISO_IR 6",
            _ => null,
        };
    }

    /// <summary>The code extension form of a single-byte term ("ISO_IR 100" to "ISO 2022 IR 100"), else the term.</summary>
    public static string AsExtension(string term) =>
        term.StartsWith("ISO_IR ", StringComparison.Ordinal) && ExtensionNumbers.Contains(term[7..]) ? "ISO 2022 IR " + term[7..] : term;

    private static bool IsDefined(string t) =>
        t is Utf8 or Gb18030 or Gbk
        || (t.StartsWith("ISO_IR ", StringComparison.Ordinal) && SingleByteNumbers.Contains(t[7..]))
        || (t.StartsWith("ISO 2022 IR ", StringComparison.Ordinal) && ExtensionNumbers.Contains(t[12..]));

    [GeneratedRegex("^ISOIR0*([0-9]+)$")]
    private static partial Regex IsoIr();

    [GeneratedRegex("^ISO2022IR0*([0-9]+)$")]
    private static partial Regex Iso2022();

    [GeneratedRegex("^ISO8859([0-9]+)$")]
    private static partial Regex Iso8859();
}
