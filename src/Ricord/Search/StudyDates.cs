using System.Globalization;
using Ricord.Dicom;

namespace Ricord.Search;

/// <summary>A study date or range as people type it: DICOM (<c>20200301</c>, <c>20200301-20200430</c>, open ends
/// <c>-20200430</c>, <c>20200301-</c>; PS3.4 C.2.2.2.5) or ISO 8601 (<c>2020-03-01</c>, <c>2020-03-01..2020-04-30</c>,
/// open ends <c>..2020-04-30</c>, <c>2020-03-01..</c>).</summary>
public static class StudyDates
{
    /// <summary>The range <paramref name="text"/> names, or null when it is neither form.</summary>
    public static DicomDateRange? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            return IsoDate(text) is { } day ? new DicomDateRange(day, day) : DicomDateRange.Parse(text);
        }

        string from = text[..dots], to = text[(dots + 2)..];
        DateOnly? f = from.Length == 0 ? null : IsoDate(from);
        DateOnly? t = to.Length == 0 ? null : IsoDate(to);
        bool valid = (from.Length == 0 || f is not null) && (to.Length == 0 || t is not null) && (f is not null || t is not null);
        return valid && !(f > t) ? new DicomDateRange(f, t) : null;
    }

    private static DateOnly? IsoDate(string s) =>
        s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
