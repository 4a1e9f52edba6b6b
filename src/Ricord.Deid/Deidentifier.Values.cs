using System.Globalization;
using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>Replacement values: dummies by VR, Clean by VR, UID remapping, date shifting, age capping.</summary>
public sealed partial class Deidentifier
{
    private const string DummyText = "ANONYMIZED";
    private const string DummyName = "ANONYMOUS";

    /// <summary>Ages above 89 years are reported as "090Y": older ages are rare enough to identify (HIPAA Safe Harbor's rule).</summary>
    private const int MaxReportedAgeYears = 89;

    private static DicomElement Dummy(DicomDataset ds, DicomElement e, DeidRun run)
    {
        string? text = e.VR switch
        {
            DicomVR.PN => DummyName,
            DicomVR.LO or DicomVR.SH or DicomVR.LT or DicomVR.ST or DicomVR.UT or DicomVR.UC or DicomVR.CS or DicomVR.AE => DummyText,
            DicomVR.DA => "19000101",
            DicomVR.DT => "19000101000000",
            DicomVR.TM => "000000",
            DicomVR.AS => "000D",
            DicomVR.DS or DicomVR.IS => "0",
            DicomVR.UR => "urn:anonymized",
            DicomVR.UI => string.Join('\\', DicomValueParser.Strings(e, DicomCharacterSet.Default).Select(run.Uids.Remap)),
            _ => null,
        };
        if (text is not null)
        {
            return Encode(ds, e.Tag, e.VR, text);
        }

        // Binary values keep their length (at least one value) and become zeros.
        int length = (int)Math.Max(e.Length, Math.Max(DicomVRInfo.UnitSize(e.VR), 2));
        return new DicomElement(e.Tag, e.VR, new byte[length + (length & 1)]);
    }

    private void Clean(DicomDataset ds, DicomElement e, DeidRun run, int depth)
    {
        switch (e.VR)
        {
            case DicomVR.SQ:
                WalkItems((DicomSequence)e, run, depth);
                run.Kept++;
                break;
            case DicomVR.DA or DicomVR.DT or DicomVR.TM:
                ShiftDates(ds, e, run);
                break;
            case DicomVR.AS:
                CapAge(ds, e, run);
                break;
            case DicomVR.UI:
                RemapUids(ds, e, run);
                break;
            case DicomVR.PN or DicomVR.AE or DicomVR.UR:
                ds.Set(Dummy(ds, e, run));
                run.Replaced++;
                break;
            case DicomVR.SH when e.Tag == DeidTags.TimezoneOffsetFromUTC:
                run.Kept++;
                break;
            case DicomVR.SH or DicomVR.LO or DicomVR.ST or DicomVR.LT or DicomVR.UT or DicomVR.UC:
                CleanText(ds, e, run);
                break;
            default:
                // CS (defined terms), numbers and binary data hold no free text.
                run.Kept++;
                break;
        }
    }

    /// <summary>Clean Descriptors by vocabulary: each value keeps only safe words and short numbers.</summary>
    private void CleanText(DicomDataset ds, DicomElement e, DeidRun run)
    {
        string cleaned;
        if (DicomVRInfo.IsSingleValuedText(e.VR))
        {
            cleaned = DescriptorCleaner.Clean(DicomValueParser.Text(e, ds.CharacterSet), _rules.SafeWords);
        }
        else
        {
            var values = DicomValueParser.Strings(e, ds.CharacterSet);
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = DescriptorCleaner.Clean(values[i], _rules.SafeWords);
            }

            cleaned = values.Length == 1 ? values[0] : string.Join('\\', values);
        }

        ds.Set(Encode(ds, e.Tag, e.VR, cleaned));
        run.Replaced++;
    }

    /// <summary>A code sequence item (<see cref="CodedConcepts"/>): public schemes keep their codes, local ones are cleaned.</summary>
    private void CleanCode(DicomDataset item, DeidRun run)
    {
        string scheme = CodedConcepts.SchemeOf(item);
        string value = (item.GetString(CodedConcepts.CodeValue) ?? "").Trim();
        if (CodedConcepts.IsSafeScheme(scheme))
        {
            run.Kept += 2;
            if (item[CodedConcepts.CodeMeaning] is { } meaning)
            {
                string text = DicomValueParser.Text(meaning, item.CharacterSet).Trim();
                bool known = string.Equals(CodedConcepts.KnownMeaning(scheme, value), text, StringComparison.OrdinalIgnoreCase);
                if (known || DescriptorCleaner.IsClean(text, _rules.SafeWords))
                {
                    run.Kept++;
                }
                else
                {
                    item.Set(Encode(item, CodedConcepts.CodeMeaning, DicomVR.LO, CodedConcepts.KnownMeaning(scheme, value) ?? value));
                    run.Replaced++;
                }
            }

            foreach (var tag in CodedConcepts.LongValueTags)
            {
                if (item[tag] is { } e && e.VR != DicomVR.UR)
                {
                    CleanText(item, e, run);
                }
                else
                {
                    Remove(item, tag, run);
                }
            }

            return;
        }

        // A local scheme: its values may be anything a hospital chose, an employee number included.
        foreach (var tag in CodedConcepts.LocalTextTags)
        {
            if (item[tag] is { } e)
            {
                CleanText(item, e.VR == DicomVR.UN ? new DicomElement(e.Tag, DicomVR.LO, e.Buffer) : e, run);
            }
        }

        Remove(item, CodedConcepts.UrnCodeValue, run);
        if (item.Contains(CodedConcepts.CodingSchemeDesignator))
        {
            item.SetString(CodedConcepts.CodingSchemeDesignator, DicomVR.SH, DescriptorCleaner.IsClean(scheme, _rules.SafeWords) ? scheme : CodedConcepts.LocalScheme);
            run.Replaced++;
        }
    }

    private static void RemapUids(DicomDataset ds, DicomElement e, DeidRun run)
    {
        var values = DicomValueParser.Strings(e, DicomCharacterSet.Default);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = run.Uids.Remap(values[i]);
        }

        ds.Set(Encode(ds, e.Tag, DicomVR.UI, values.Length == 1 ? values[0] : string.Join('\\', values)));
        run.Replaced++;
    }

    private static void ShiftDates(DicomDataset ds, DicomElement e, DeidRun run)
    {
        int days = run.Link.DateOffsetDays;
        var shifted = DicomValueParser.Strings(e, DicomCharacterSet.Default);
        for (int i = 0; i < shifted.Length; i++)
        {
            string? s = e.VR switch
            {
                DicomVR.DT => DateShifter.ShiftDateTime(shifted[i], days),
                DicomVR.TM => DateShifter.ShiftTime(shifted[i], DateShifter.TimeOffsetSeconds(days)),
                _ => DateShifter.ShiftDate(shifted[i], days),
            };
            if (s is null)
            {
                // Unreadable: emptied rather than passed through unshifted.
                shifted = [];
                break;
            }

            shifted[i] = s;
        }

        ds.Set(Encode(ds, e.Tag, e.VR, shifted.Length == 1 ? shifted[0] : string.Join('\\', shifted)));
        run.Replaced++;
    }

    private static void CapAge(DicomDataset ds, DicomElement e, DeidRun run)
    {
        string age = DicomValueParser.Text(e, DicomCharacterSet.Default);
        int n = 0;
        bool parsed = age.Length == 4 && int.TryParse(age.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out n);
        double years = !parsed ? 0 : age[3] switch
        {
            'Y' => n,
            'M' => n / 12.0,
            'W' => n / 52.0,
            'D' => n / 365.0,
            _ => -1,
        };
        if (age.Length > 0 && (!parsed || years < 0))
        {
            // Not an age string: nothing safe to keep.
            ds.Set(new DicomElement(e.Tag, DicomVR.AS, ReadOnlyMemory<byte>.Empty));
            run.Replaced++;
        }
        else if (years > MaxReportedAgeYears)
        {
            ds.Set(Encode(ds, e.Tag, DicomVR.AS, "090Y"));
            run.Replaced++;
        }
        else
        {
            run.Kept++;
        }
    }

    private static DicomElement Encode(DicomDataset ds, DicomTag tag, DicomVR vr, string text)
    {
        byte[] bytes = DicomVRInfo.UsesSpecificCharacterSet(vr) ? ds.CharacterSet.Encode(text, vr) : System.Text.Encoding.ASCII.GetBytes(text);
        return new DicomElement(tag, vr, DicomValueParser.Pad(bytes, vr));
    }
}
