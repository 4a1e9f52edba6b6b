namespace Ricord.Dicom;

/// <summary>
/// A PN value (PS3.5 6.2.1): up to three component groups (alphabetic, ideographic, phonetic) separated
/// by '=', each with five components (family, given, middle, prefix, suffix) separated by '^'.
/// </summary>
public sealed record DicomPersonName(string Alphabetic, string Ideographic, string Phonetic)
{
    public static DicomPersonName Parse(string value)
    {
        var groups = value.Split('=');
        return new DicomPersonName(groups[0], groups.Length > 1 ? groups[1] : "", groups.Length > 2 ? groups[2] : "");
    }

    public string FamilyName => Component(Alphabetic, 0);

    public string GivenName => Component(Alphabetic, 1);

    public string MiddleName => Component(Alphabetic, 2);

    public string NamePrefix => Component(Alphabetic, 3);

    public string NameSuffix => Component(Alphabetic, 4);

    /// <summary>Component <paramref name="index"/> (0 = family … 4 = suffix) of a component group.</summary>
    public static string Component(string group, int index)
    {
        var parts = group.Split('^');
        return index < parts.Length ? parts[index] : "";
    }

    /// <summary>The encoded form with trailing empty groups and components removed.</summary>
    public override string ToString()
    {
        string[] g = [Alphabetic, Ideographic, Phonetic];
        int n = 3;
        while (n > 1 && g[n - 1].Length == 0)
        {
            n--;
        }

        return string.Join('=', g.Take(n));
    }
}
