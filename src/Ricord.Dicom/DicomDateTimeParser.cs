using System.Globalization;

namespace Ricord.Dicom;

/// <summary>DA, TM and DT values (PS3.5 6.2), with the legacy forms ("YYYY.MM.DD", "HH:MM:SS") that old files carry.</summary>
public static class DicomDateTimeParser
{
    public static DateOnly? ParseDate(string s)
    {
        s = s.Trim();
        if (s.Length == 10 && s[4] == '.' && s[7] == '.')
        {
            s = string.Concat(s.AsSpan(0, 4), s.AsSpan(5, 2), s.AsSpan(8, 2));
        }

        return s.Length == 8 && DateOnly.TryParseExact(s, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;
    }

    public static TimeOnly? ParseTime(string s)
    {
        s = s.Trim().Replace(":", "", StringComparison.Ordinal);
        if (s.Length < 2 || !int.TryParse(s.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int h))
        {
            return null;
        }

        int m = 0, sec = 0;
        long ticks = 0;
        if (s.Length >= 4 && !int.TryParse(s.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out m))
        {
            return null;
        }

        if (s.Length >= 6 && !int.TryParse(s.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out sec))
        {
            return null;
        }

        if (s.Length > 7 && s[6] == '.')
        {
            var frac = s.AsSpan(7);
            if (frac.Length > 7 || !long.TryParse(frac, NumberStyles.None, CultureInfo.InvariantCulture, out ticks))
            {
                return null;
            }

            for (int i = frac.Length; i < 7; i++)
            {
                ticks *= 10;
            }
        }

        if (h > 23 || m > 59 || sec > 60)
        {
            return null;
        }

        return new TimeOnly(h, m, Math.Min(sec, 59)).Add(TimeSpan.FromTicks(ticks));
    }

    /// <summary>YYYY[MM[DD[HH[MM[SS[.F{1-6}]]]]]][&amp;ZZXX]; missing components take their lowest value, missing offset is UTC.</summary>
    public static DateTimeOffset? ParseDateTime(string s)
    {
        s = s.Trim();
        TimeSpan offset = TimeSpan.Zero;
        int sign = s.IndexOfAny(['+', '-'], Math.Min(4, s.Length));
        if (sign > 0)
        {
            var z = s.AsSpan(sign + 1);
            if (z.Length != 4 || !int.TryParse(z[..2], NumberStyles.None, CultureInfo.InvariantCulture, out int zh)
                || !int.TryParse(z[2..], NumberStyles.None, CultureInfo.InvariantCulture, out int zm))
            {
                return null;
            }

            offset = new TimeSpan(zh, zm, 0) * (s[sign] == '-' ? -1 : 1);
            s = s[..sign];
        }

        if (s.Length < 4)
        {
            return null;
        }

        string datePart = s.Length >= 8 ? s[..8] : s.PadRight(8, '0');
        if (s.Length is 4)
        {
            datePart = s + "0101";
        }
        else if (s.Length is 6)
        {
            datePart = s + "01";
        }

        if (ParseDate(datePart) is not { } date)
        {
            return null;
        }

        var time = s.Length > 8 ? ParseTime(s[8..]) : TimeOnly.MinValue;
        return time is null ? null : new DateTimeOffset(date.ToDateTime(time.Value), offset);
    }
}
