using System.Globalization;
using System.Text.RegularExpressions;
using Ricord.Deid;

namespace Ricord.Clinical;

/// <summary>
/// Reads dates in a site's format and shifts them like DICOM dates are shifted: whole days by the
/// patient's offset from the link table, times of day by the secret time offset derived from it
/// (<see cref="DateShifter.TimeOffsetSeconds"/>). Output is ISO 8601. ISO dates (which spreadsheets give)
/// are always read; for the rest one day/month order holds for the whole file: <c>--date-format</c>, or the
/// one order under which every date in the file reads — when two orders read all of them differently, the
/// file is refused rather than guessed.
/// </summary>
public sealed partial class ClinicalDates
{
    /// <summary>Orders tried when none is given; one- or two-digit days and months are accepted by each,
    /// two-digit years are 1950–2049, month names are English ("14-Mar-2020", as spreadsheet CSV exports write).</summary>
    public static IReadOnlyList<string> Candidates { get; } =
        ["yyyy-M-d", "yyyy/M/d", "d.M.yyyy", "M/d/yyyy", "d/M/yyyy", "M-d-yyyy", "d-M-yyyy", "yyyyMMdd", "d-MMM-yyyy", "d-MMM-yy", "M/d/yy", "d/M/yy", "d.M.yy"];

    /// <summary>Invariant, with two-digit years pinned to 1950–2049 whatever the runtime's default.</summary>
    private static readonly CultureInfo Culture = CreateCulture();

    private readonly string _format;

    private ClinicalDates(string format) => _format = format;

    /// <summary>The day/month order in use (a .NET format string).</summary>
    public string Format => _format;

    public static ClinicalDates WithFormat(string format)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(format);
        return new ClinicalDates(format.Trim());
    }

    /// <summary>The one order under which all <paramref name="dates"/> read; throws when the file is ambiguous.</summary>
    public static ClinicalDates Detect(IReadOnlyCollection<string> dates)
    {
        var parts = dates.Select(d => Split(d).Date).Where(d => d.Length > 0 && !IsIso(d)).Distinct(StringComparer.Ordinal).ToList();
        if (parts.Count == 0)
        {
            return new ClinicalDates("yyyy-M-d");
        }

        var readers = Candidates.Select(f => (Format: f, Read: parts.Select(p => ParseDate(p, f)).ToList())).ToList();
        var complete = readers.Where(r => r.Read.All(d => d is not null)).ToList();
        if (complete.Count == 0)
        {
            // No order reads everything: take the one that reads most; the rest are reported per row.
            return new ClinicalDates(readers.OrderByDescending(r => r.Read.Count(d => d is not null)).First().Format);
        }

        if (complete.Skip(1).Any(r => !r.Read.SequenceEqual(complete[0].Read)))
        {
            throw new ClinicalDataException(
                $"The dates could be read as {string.Join(" or ", complete.Select(r => r.Format))}, which disagree: pass --date-format (e.g. dd/MM/yyyy).");
        }

        return new ClinicalDates(complete[0].Format);
    }

    /// <summary>The shifted value in ISO 8601, or null when <paramref name="value"/> is not a date, date-time or time.</summary>
    public string? Shift(string value, int days)
    {
        var (datePart, timePart) = Split(value.Trim());
        TimeSpan? time = null;
        if (timePart.Length > 0)
        {
            if (!TimeSpan.TryParseExact(timePart, ["h\\:mm", "h\\:mm\\:ss", "h\\:mm\\:ss\\.FFFFFFF"], CultureInfo.InvariantCulture, out var t) || t >= TimeSpan.FromDays(1))
            {
                return null;
            }

            time = TimeSpan.FromSeconds(Math.Floor(t.TotalSeconds));
        }

        string? shiftedTime = time is { } tod
            ? TimeSpan.FromSeconds(DateShifter.ShiftSecondOfDay((int)tod.TotalSeconds, DateShifter.TimeOffsetSeconds(days))).ToString(timePart.Count(c => c == ':') == 1 ? "hh\\:mm" : "hh\\:mm\\:ss", CultureInfo.InvariantCulture)
            : null;
        if (datePart.Length == 0)
        {
            return shiftedTime;
        }

        var date = ParseDate(datePart, IsIso(datePart) ? "yyyy-M-d" : _format);
        if (date is null)
        {
            return null;
        }

        string d = date.Value.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return shiftedTime is null ? d : $"{d}T{shiftedTime}";
    }

    private static DateOnly? ParseDate(string s, string format) =>
        DateOnly.TryParseExact(s, format, Culture, DateTimeStyles.None, out var d) && d.Year is >= 1800 and <= 2200 ? d : null;

    private static bool IsIso(string s) => IsoDate().IsMatch(s);

    /// <summary>"date[ T]time", a date alone, or a time alone.</summary>
    private static (string Date, string Time) Split(string value)
    {
        if (ClinicalColumnRules.TimeLike().IsMatch(value))
        {
            return ("", value);
        }

        int sep = value.IndexOfAny([' ', 'T']);
        return sep < 0 ? (value, "") : (value[..sep], value[(sep + 1)..].Trim());
    }

    private static CultureInfo CreateCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.DateTimeFormat.Calendar.TwoDigitYearMax = 2049;
        return CultureInfo.ReadOnly(culture);
    }

    [GeneratedRegex(@"^\d{4}-\d{1,2}-\d{1,2}$")]
    private static partial Regex IsoDate();
}
