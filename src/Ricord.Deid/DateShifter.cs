using System.Globalization;
using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>
/// Shifts DA values by whole days and times of day (TM, and the time part of DT) by a second secret
/// per-patient offset modulo 24 hours (PS3.15 E.3.6, modified dates). Intervals between dates survive
/// exactly, and intervals between times within a day survive unless they cross midnight after the
/// shift; no original time of day is kept, because times are identifying too. A value that cannot be
/// read becomes null (the caller empties it) rather than pass through unshifted.
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

    /// <summary>The per-patient time-of-day offset in seconds, derived from the secret day offset: between 1 h and 23 h.</summary>
    public static int TimeOffsetSeconds(int days) => 3600 + (int)(((long)days * 7919L * 13L % 79200L + 79200L) % 79200L);

    /// <summary>A second of the day moved by <paramref name="seconds"/>, wrapping at midnight (0..86399).</summary>
    public static int ShiftSecondOfDay(int secondOfDay, int seconds) => ((secondOfDay + seconds) % 86400 + 86400) % 86400;

    /// <summary>One TM value or range "A-B"; HH[MM[SS[.F]]] and legacy HH:MM:SS, precision kept.</summary>
    public static string? ShiftTime(string value, int seconds)
    {
        value = value.Trim();
        if (value.Length == 0)
        {
            return value;
        }

        int dash = value.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            string? from = dash == 0 ? "" : ShiftOneTime(value[..dash], seconds);
            string? to = dash == value.Length - 1 ? "" : ShiftOneTime(value[(dash + 1)..], seconds);
            return from is null || to is null || (from.Length == 0 && to.Length == 0) ? null : $"{from}-{to}";
        }

        return ShiftOneTime(value, seconds);
    }

    private static string? ShiftOneTime(string s, int seconds)
    {
        s = s.Replace(":", "", StringComparison.Ordinal);
        int digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits]))
        {
            digits++;
        }

        if (digits is not (2 or 4 or 6) || (digits < s.Length && s[digits] != '.'))
        {
            return null;
        }

        int h = int.Parse(s.AsSpan(0, 2), CultureInfo.InvariantCulture);
        int m = digits >= 4 ? int.Parse(s.AsSpan(2, 2), CultureInfo.InvariantCulture) : 0;
        int sec = digits >= 6 ? int.Parse(s.AsSpan(4, 2), CultureInfo.InvariantCulture) : 0;
        if (h > 23 || m > 59 || sec > 60)
        {
            return null;
        }

        int total = ShiftSecondOfDay(h * 3600 + m * 60 + Math.Min(sec, 59), seconds);
        // HHMMSS of the shifted time, cut to the input's precision, then the input's fraction unchanged.
        return string.Create(s.Length, (total, digits, s), static (span, x) =>
        {
            Span<char> full = stackalloc char[6];
            WriteDigits(full[..2], x.total / 3600);
            WriteDigits(full[2..4], x.total / 60 % 60);
            WriteDigits(full[4..], x.total % 60);
            full[..x.digits].CopyTo(span);
            x.s.AsSpan(x.digits).CopyTo(span[x.digits..]);
        });
    }

    private static string? ShiftOneDate(string s, int days) =>
        DicomDateTimeParser.ParseDate(s) is { } d ? FormatDate(d.AddDays(days)) : null;

    /// <summary>YYYYMMDD.</summary>
    private static string FormatDate(DateOnly d) => string.Create(8, d, static (span, x) =>
    {
        WriteDigits(span[..4], x.Year);
        WriteDigits(span[4..6], x.Month);
        WriteDigits(span[6..], x.Day);
    });

    /// <summary><paramref name="value"/> (non-negative) as exactly <c>destination.Length</c> decimal digits, zero-padded.</summary>
    private static void WriteDigits(Span<char> destination, int value)
    {
        for (int i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

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

        string shifted = FormatDate(d.AddDays(days))[..datePart];
        string rest = s[datePart..];
        int timeDigits = digits - datePart;
        if (datePart == 8 && timeDigits is 2 or 4 or 6)
        {
            // HH[MM[SS]] with optional .F and &ZZXX: the time of day moves like TM values do.
            int end = datePart + timeDigits;
            int fracEnd = end;
            if (fracEnd < s.Length && s[fracEnd] == '.')
            {
                fracEnd++;
                while (fracEnd < s.Length && char.IsAsciiDigit(s[fracEnd]))
                {
                    fracEnd++;
                }
            }

            string? time = ShiftOneTime(s[datePart..fracEnd], TimeOffsetSeconds(days));
            if (time is null)
            {
                return null;
            }

            rest = time + s[fracEnd..];
        }

        return shifted + rest;
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
