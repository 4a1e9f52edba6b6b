namespace Ricord.Dicom;

/// <summary>A date range as used in queries (PS3.4 C.2.2.2.5): either end may be open.</summary>
public sealed record DicomDateRange(DateOnly? From, DateOnly? To)
{
    public static DicomDateRange? Parse(string s)
    {
        s = s.Trim();
        int dash = s.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return DicomDateTimeParser.ParseDate(s) is { } d ? new DicomDateRange(d, d) : null;
        }

        var from = dash == 0 ? null : DicomDateTimeParser.ParseDate(s[..dash]);
        var to = dash == s.Length - 1 ? null : DicomDateTimeParser.ParseDate(s[(dash + 1)..]);
        if ((dash > 0 && from is null) || (dash < s.Length - 1 && to is null) || (from is null && to is null))
        {
            return null;
        }

        return new DicomDateRange(from, to);
    }

    public bool Contains(DateOnly d) => (From is null || d >= From) && (To is null || d <= To);
}
