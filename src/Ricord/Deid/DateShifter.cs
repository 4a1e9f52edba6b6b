using System.Globalization;
using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>
/// Shifts DA and DT values by whole days (PS3.15 E.3.6, modified dates): times of day and UTC
/// offsets are kept, so every interval within one patient survives exactly. A value that cannot be
/// read as a date becomes null (the caller empties it) rather than pass through unshifted.
/// </summary>
internal static class DateShifter
{
    /// <summary>One DA value or range ("A-B", "-B", "A-"); legacy "YYYY.MM.DD" is accepted.</summary>
    public static string? ShiftDate(string value, int days)
    {
        value = value.Trim();
        if (value.Length == 0)
        {
            return value;
        }

        int dash = value.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            string? from = dash == 0 ? "" : ShiftOneDate(value[..dash], days);
            string? to = dash == value.Length - 1 ? "" : ShiftOneDate(value[(dash + 1)..], days);
            return from is null || to is null || (from.Length == 0 && to.Length == 0) ? null : $"{from}-{to}";
        }

        return ShiftOneDate(value, days);
    }

    /// <summary>One DT value or range; the date part moves, the time and offset suffix stay.</summary>
    public static string? ShiftDateTime(string value, int days)
    {
        value = value.Trim();
        if (value.Length == 0)
        {
            return value;
        }

        int dash = RangeDash(value);
        if (dash >= 0)
        {
            string? from = dash == 0 ? "" : ShiftOneDateTime(value[..dash], days);
            string? to = dash == value.Length - 1 ? "" : ShiftOneDateTime(value[(dash + 1)..], days);
            return from is null || to is null || (from.Length == 0 && to.Length == 0) ? null : $"{from}-{to}";
        }

        return ShiftOneDateTime(value, days);
    }

    private static string? ShiftOneDate(string s, int days) =>
        DicomDateTimeParser.ParseDate(s) is { } d ? d.AddDays(days).ToString("yyyyMMdd", CultureInfo.InvariantCulture) : null;

    /// <summary>YYYY[MM[DD[...]]][&amp;ZZXX]: a full date shifts by days; a year or year-month shifts its first day and keeps its precision.</summary>
    private static string? ShiftOneDateTime(string s, int days)
    {
        int digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits]))
        {
            digits++;
        }

        int datePart = Math.Min(digits, 8);
        if (datePart is not (4 or 6 or 8))
        {
            return null;
        }

        string padded = s[..datePart] + (datePart == 4 ? "0101" : datePart == 6 ? "01" : "");
        if (!DateOnly.TryParseExact(padded, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return null;
        }

        string shifted = d.AddDays(days).ToString("yyyyMMdd", CultureInfo.InvariantCulture)[..datePart];
        return shifted + s[datePart..];
    }

    /// <summary>The '-' separating a DT range, not the sign of a trailing "-ZZXX" UTC offset; -1 if none.</summary>
    private static int RangeDash(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != '-')
            {
                continue;
            }

            bool offsetSign = i >= 4 && i == s.Length - 5 && s.AsSpan(i + 1).ContainsAnyExceptInRange('0', '9') == false;
            if (!offsetSign)
            {
                return i;
            }
        }

        return -1;
    }
}
