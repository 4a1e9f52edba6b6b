using System.Text.RegularExpressions;

namespace Ricord.Clinical;

/// <summary>
/// The documented rule for which clinical columns may be stored (docs/clinical.md). Headers decide first:
/// a header word that names a person, contact, another identifier, a birth date, a carer, a place or free
/// text drops the whole column. Date and time columns (by header word or by value) are shifted; UID columns
/// are remapped. Everything else is kept, but each value is checked again (<see cref="ValueProblem"/>).
/// </summary>
public static partial class ClinicalColumnRules
{
    private static readonly Dictionary<string, string> IdentifyingWords = Group(
        ("a name", ["name", "names", "surname", "forename", "firstname", "lastname", "givenname", "familyname", "maiden", "initials", "alias", "nickname"]),
        ("contact details", ["address", "street", "addr", "city", "town", "zip", "zipcode", "postcode", "postal", "phone", "telephone", "tel", "mobile", "cell", "fax", "email", "mail", "contact"]),
        ("another identifier", ["id", "ids", "identifier", "mrn", "ssn", "nhs", "insurance", "policy", "accession", "account", "encounter", "visit", "passport", "license", "licence", "number", "no", "nr", "num"]),
        ("a birth date", ["birth", "dob", "birthdate", "birthday", "born"]),
        ("a person's name (staff)", ["physician", "doctor", "referrer", "referring", "radiologist", "nurse", "provider", "clinician", "author", "signed"]),
        ("a place", ["institution", "hospital", "facility", "ward", "room", "bed"]),
        ("free text", ["comment", "comments", "note", "notes", "remark", "remarks", "text", "freetext", "description", "descr", "history", "narrative", "report", "impression", "summary"]));

    private static readonly HashSet<string> TemporalWords = ["date", "dates", "datetime", "dt", "time", "timestamp"];

    /// <summary>Words that make "number" a count rather than an identifier ("Number of zones").</summary>
    private static readonly HashSet<string> CountWords = ["of", "zones", "count"];

    /// <summary>Why a header drops its column, or null when it does not.</summary>
    public static string? IdentifyingReason(string header)
    {
        var words = ClinicalHeader.Words(header);
        string key = ClinicalHeader.Key(header);
        if (ClinicalHeader.KeyNames.Contains(key) || key is "dateofbirth" or "birthdate" or "phonenumber" or "socialsecuritynumber")
        {
            return key.Contains("birth", StringComparison.Ordinal) ? "a birth date" : key.Contains("phone", StringComparison.Ordinal) ? "contact details" : "another identifier";
        }

        foreach (var w in words)
        {
            if (IdentifyingWords.TryGetValue(w, out var reason) && !(reason == "another identifier" && w is "number" or "no" or "nr" or "num" && words.Any(CountWords.Contains)))
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>Classifies one column from its header and its values (the key column is chosen beforehand).</summary>
    public static ClinicalColumnKind Classify(string header, IEnumerable<string?> values)
    {
        if (IdentifyingReason(header) is not null)
        {
            return ClinicalColumnKind.Identifying;
        }

        var words = ClinicalHeader.Words(header);
        if (words.Contains("uid") || ClinicalHeader.Key(header).EndsWith("instanceuid", StringComparison.Ordinal))
        {
            return ClinicalColumnKind.Uid;
        }

        bool temporal = words.Any(TemporalWords.Contains)
            || values.Any(v => v is not null && (DateLike().IsMatch(v.Trim()) || TimeLike().IsMatch(v.Trim())));
        return temporal ? ClinicalColumnKind.Temporal : ClinicalColumnKind.Kept;
    }

    /// <summary>
    /// Why a value of a kept column must not be stored, or null: it contains the row's MRN (of four or more
    /// characters: a shorter one cannot be told from an ordinary value, such as an age); it is a whole
    /// number of six or more digits (MRN-like); it is not a plain number yet holds five or more digits
    /// (IDs such as A01234567 or ACC-2020-012345, phone numbers); it holds an e-mail address or a DICOM
    /// person name; or it is free text (more than five words or 64 characters).
    /// </summary>
    public static string? ValueProblem(string value, string? mrn)
    {
        string v = value.Trim();
        if (mrn is { Length: >= 4 } && v.Contains(mrn, StringComparison.OrdinalIgnoreCase))
        {
            return "contains the MRN";
        }

        int digits = v.Count(char.IsAsciiDigit);
        if (PlainNumber().IsMatch(v))
        {
            int integerDigits = v.TrimStart('-', '+').Split('.', ',')[0].Length;
            return integerDigits >= 6 ? "looks like an identifier (long number)" : null;
        }

        if (digits >= 5)
        {
            return "looks like an identifier or phone number";
        }

        if (v.Contains('@', StringComparison.Ordinal) || v.Contains('^', StringComparison.Ordinal))
        {
            return "looks like an e-mail address or a person's name";
        }

        return v.Length > 64 || v.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length > 5 ? "looks like free text" : null;
    }

    [GeneratedRegex(@"^(\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}-[A-Za-z]{3}-\d{2,4})([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?$")]
    internal static partial Regex DateLike();

    [GeneratedRegex(@"^\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")]
    internal static partial Regex TimeLike();

    [GeneratedRegex(@"^[+-]?\d+([.,]\d+)?$")]
    private static partial Regex PlainNumber();

    private static Dictionary<string, string> Group(params (string Reason, string[] Words)[] groups) =>
        groups.SelectMany(g => g.Words.Select(w => (w, g.Reason))).ToDictionary(x => x.w, x => x.Reason, StringComparer.Ordinal);
}
