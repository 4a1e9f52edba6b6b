using System.Text;

namespace Ricord.Clinical;

/// <summary>
/// How headers are compared: case-folded, whitespace trimmed and collapsed, and for matching known names
/// every character that is not a letter or digit dropped ("Anon MRN", " anon_mrn ", "AnonMRN" are one name).
/// Words are split at non-alphanumerics and at camelCase humps ("PatientName" → patient, name).
/// </summary>
public static class ClinicalHeader
{
    /// <summary>Header names that hold the site's own patient identifier, in order of preference.</summary>
    public static IReadOnlyList<string> KeyNames { get; } =
        ["mrn", "anonmrn", "patientmrn", "medicalrecordnumber", "patientid", "patientidentifier", "subjectid", "patient"];

    /// <summary>The display form: trimmed, inner whitespace collapsed to one space.</summary>
    public static string Display(string header) =>
        string.Join(' ', (header ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The comparison key: lower case letters and digits only.</summary>
    public static string Key(string header)
    {
        var sb = new StringBuilder(header.Length);
        foreach (char c in header)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    public static bool Matches(string header, string name) => Key(header) == Key(name);

    /// <summary>Lower-case words of a header.</summary>
    public static IReadOnlyList<string> Words(string header)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (int i = 0; i < header.Length; i++)
        {
            char c = header[i];
            bool hump = i > 0 && char.IsUpper(c) && char.IsLower(header[i - 1]);
            if (!char.IsLetterOrDigit(c) || hump)
            {
                Flush();
            }

            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
