namespace Ricord.Dicom;

/// <summary>
/// Checks values against their VR (PS3.5 6.2: length, character repertoire, format) and reports
/// problems as warnings; nothing is changed or rejected here.
/// </summary>
public static class DicomValueValidator
{
    /// <summary>Every problem found in <paramref name="ds"/> and its sequences.</summary>
    public static List<DicomWarning> Validate(DicomDataset ds)
    {
        var warnings = new List<DicomWarning>();
        Walk(ds, warnings);
        return warnings;
    }

    private static void Walk(DicomDataset ds, List<DicomWarning> warnings)
    {
        foreach (var e in ds)
        {
            if (e is DicomSequence sq)
            {
                foreach (var item in sq.Items)
                {
                    Walk(item, warnings);
                }

                continue;
            }

            if (e is DicomFragmentSequence)
            {
                continue;
            }

            foreach (var problem in Check(e, ds.CharacterSet))
            {
                warnings.Add(new DicomWarning(-1, e.Tag, problem));
            }
        }
    }

    /// <summary>Problems with one element's value.</summary>
    public static IEnumerable<string> Check(DicomElement e, DicomCharacterSet charset)
    {
        var vr = e.VR;
        int unit = DicomVRInfo.UnitSize(vr);
        if (DicomVRInfo.IsBinaryNumber(vr) && e.Length % (vr == DicomVR.AT ? 4 : unit) != 0)
        {
            yield return $"{DicomVRInfo.Code(vr)} value of {e.Length} bytes is not a whole number of values";
            yield break;
        }

        if (!DicomVRInfo.IsString(vr))
        {
            yield break;
        }

        int max = DicomVRInfo.MaxLength(vr);
        foreach (var value in DicomValueParser.Strings(e, charset))
        {
            if (max > 0 && value.Length > max)
            {
                yield return $"{DicomVRInfo.Code(vr)} value '{Shorten(value)}' is {value.Length} characters (at most {max})";
            }

            if (FormatProblem(vr, value) is { } p)
            {
                yield return $"{DicomVRInfo.Code(vr)} value '{Shorten(value)}' {p}";
            }
        }
    }

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;

    private static string? FormatProblem(DicomVR vr, string v)
    {
        if (v.Length == 0)
        {
            return null;
        }

        return vr switch
        {
            DicomVR.UI => DicomUidGenerator.Problem(v) is { } p ? p : null,
            DicomVR.CS => v.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is ' ' or '_') ? null : "has characters outside A–Z, 0–9, space and underscore",
            DicomVR.DA => DicomDateTimeParser.ParseDate(v) is null && DicomDateRange.Parse(v) is null ? "is not a date YYYYMMDD" : null,
            DicomVR.TM => DicomDateTimeParser.ParseTime(v.Split('-')[0]) is null ? "is not a time HHMMSS.FFFFFF" : null,
            DicomVR.DT => DicomDateTimeParser.ParseDateTime(v.Split('-')[0]) is null ? "is not a date-time" : null,
            DicomVR.IS => long.TryParse(v, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long i) && i is >= int.MinValue and <= int.MaxValue ? null : "is not an integer string in 32-bit range",
            DicomVR.DS => double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) ? null : "is not a decimal string",
            DicomVR.AS => v.Length == 4 && char.IsAsciiDigit(v[0]) && char.IsAsciiDigit(v[1]) && char.IsAsciiDigit(v[2]) && v[3] is 'D' or 'W' or 'M' or 'Y' ? null : "is not an age nnnD/W/M/Y",
            DicomVR.AE => v.Any(char.IsControl) || v.Contains('\\') ? "has control characters or a backslash" : null,
            _ => v.Any(c => char.IsControl(c) && !(DicomVRInfo.IsSingleValuedText(vr) && c is '\r' or '\n' or '\t' or '\f' || c == '\u001b')) ? "has control characters" : null,
        };
    }
}
