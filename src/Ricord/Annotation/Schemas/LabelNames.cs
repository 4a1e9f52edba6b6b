using System.Text;

namespace Ricord.Annotation.Schemas;

/// <summary>
/// The one explicit normalisation used to match label names (RICORD.md §9): Unicode NFKC, every run of
/// white space collapsed to one space, trimmed, case-folded (invariant). <c>Mild Opacities  (1-2 lung zones)</c>
/// and <c>mild opacities (1-2 lung zones)</c> match; the raw string is always kept for output.
/// </summary>
public static class LabelNames
{
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var s = name.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    public static bool Same(string a, string b) => Normalize(a) == Normalize(b);
}
