using System.Text;

namespace Ricord.Catalog;

/// <summary>DICOM wildcard matching (PS3.4 C.2.2.2.4: '*' any run, '?' one character) as SQL patterns.</summary>
internal static class DicomWildcard
{
    public const string LikeEscape = "\\";

    public static bool HasWildcard(string value) => value.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>"ABC*" with no other wildcard: matchable by an index range scan.</summary>
    public static bool IsPrefix(string value, out string prefix)
    {
        prefix = value.Length > 1 ? value[..^1] : "";
        return value.Length > 1 && value[^1] == '*' && !HasWildcard(prefix);
    }

    /// <summary>The smallest string greater than every string that starts with <paramref name="prefix"/>.</summary>
    public static string PrefixUpperBound(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    public static string ToLike(string value, bool contains)
    {
        var sb = new StringBuilder(value.Length + 4);
        if (contains)
        {
            sb.Append('%');
        }

        foreach (var c in value)
        {
            switch (c)
            {
                case '*': sb.Append('%'); break;
                case '?': sb.Append('_'); break;
                case '%' or '_' or '\\': sb.Append('\\').Append(c); break;
                default: sb.Append(c); break;
            }
        }

        if (contains)
        {
            sb.Append('%');
        }

        return sb.ToString();
    }

    /// <summary>SQLite GLOB is case-sensitive and already uses * and ?; only '[' needs quoting.</summary>
    public static string ToGlob(string value) => value.Replace("[", "[[]", StringComparison.Ordinal);
}
