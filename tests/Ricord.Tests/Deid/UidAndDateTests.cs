using Ricord.Deid;
using Ricord.Dicom;
using static Ricord.Tests.Deid.PhiFixture;

namespace Ricord.Tests.Deid;

public sealed class UidAndDateTests
{
    [Fact]
    public void Uids_map_consistently_across_files_of_one_study_and_their_references()
    {
        var context = DeidTestSupport.Context();
        var (_, _, a) = DeidTestSupport.DeidentifyAndWrite(Build(instance: 1), context);
        var (_, _, b) = DeidTestSupport.DeidentifyAndWrite(Build(instance: 2), context);

        Assert.Equal(a.GetString(T(0x0020000D)), b.GetString(T(0x0020000D)));
        Assert.Equal(a.GetString(T(0x0020000E)), b.GetString(T(0x0020000E)));
        Assert.Equal(a.GetString(T(0x00200052)), b.GetString(T(0x00200052)));
        Assert.NotEqual(a.GetString(T(0x00080018)), b.GetString(T(0x00080018)));

        // Each file references the other: the reference equals the other's new SOP Instance UID.
        Assert.Equal(b.GetString(T(0x00080018)), Assert.Single(a.GetSequence(T(0x00081140))).GetString(T(0x00081155)));
        Assert.Equal(a.GetString(T(0x00080018)), Assert.Single(b.GetSequence(T(0x00081140))).GetString(T(0x00081155)));
        Assert.Equal(CtImageStorage, Assert.Single(a.GetSequence(T(0x00081140))).GetString(T(0x00081150)));

        string? referencedSeries = Assert.Single(a.GetSequence(T(0x00081115))).GetString(T(0x0020000E));
        Assert.Equal(new Deidentifier().RemapUid(OtherSeriesUid, context.LinkTable), referencedSeries);
        foreach (var uid in new[] { a.GetString(T(0x0020000D)), a.GetString(T(0x00080018)), referencedSeries })
        {
            Assert.True(DicomUidGenerator.IsValid(uid), uid);
            Assert.StartsWith("2.25.", uid, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Meta_media_storage_uid_follows_the_sop_instance_uid()
    {
        var context = DeidTestSupport.Context();
        var (bytes, _, ds) = DeidTestSupport.DeidentifyAndWrite(Build(), context);
        var file = DicomFile.Read(bytes);
        Assert.Equal(ds.GetString(T(0x00080018)), file.Meta.GetString(T(0x00020003)));

        var meta = new DicomDataset()
            .SetString(T(0x00020003), DicomVR.UI, SopUid(1))
            .SetString(T(0x00020016), DicomVR.AE, "HOSPITALPACS");
        new Deidentifier().ApplyToMeta(meta, context);
        Assert.Equal(ds.GetString(T(0x00080018)), meta.GetString(T(0x00020003)));
        Assert.False(meta.Contains(T(0x00020016)));
    }

    [Fact]
    public void Organisation_root_uses_keyed_derivation_under_it()
    {
        var profile = DeidProfile.Ricord with { UidRoot = "1.2.826.0.1.3680043.10.999" };
        var (_, _, ds) = DeidTestSupport.DeidentifyAndWrite(Build(), DeidTestSupport.Context(), new Deidentifier(profile));

        string uid = ds.GetString(T(0x0020000D))!;
        Assert.StartsWith("1.2.826.0.1.3680043.10.999.", uid, StringComparison.Ordinal);
        Assert.True(DicomUidGenerator.IsValid(uid));
    }

    [Fact]
    public void Different_keys_give_different_uids()
    {
        var one = new Deidentifier().RemapUid(StudyUid, new InMemoryLinkTable());
        var two = new Deidentifier().RemapUid(StudyUid, new InMemoryLinkTable());
        Assert.NotEqual(one, two);
    }

    [Fact]
    public void Dates_shift_by_one_offset_per_patient_and_keep_intervals_exactly()
    {
        var context = DeidTestSupport.Context();
        var (_, result, ds) = DeidTestSupport.DeidentifyAndWrite(Build(), context);
        int offset = context.LinkTable.GetDateOffsetDays("RICORD-1A", "419639", "MRN7730041");

        Assert.InRange(offset, -3650, -365);
        var study = ds.GetDate(T(0x00080020))!.Value;
        var content = ds.GetDate(T(0x00080023))!.Value;
        Assert.Equal(new DateOnly(2020, 3, 14).AddDays(offset), study);
        Assert.Equal(1, content.DayNumber - study.DayNumber);
        string shiftedTime = DateShifter.ShiftTime("101530.123456", DateShifter.TimeOffsetSeconds(offset))!;
        Assert.NotEqual("101530.123456", shiftedTime);
        Assert.Equal(study.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + shiftedTime + "-0500", ds.GetString(T(0x0008002A)));
        var range = ds.GetDateRange(T(0x00400244))!;
        Assert.Equal(4, range.To!.Value.DayNumber - range.From!.Value.DayNumber);
        Assert.Equal(study, range.To);
        Assert.False(ds.Contains(T(0x00100030)) && ds.GetString(T(0x00100030)) is not null);

        // A second study of the same patient, a year later, keeps its distance from the first.
        var later = Build(instance: 3);
        later.SetString(T(0x00080020), DicomVR.DA, "20210314");
        var (_, _, ds2) = DeidTestSupport.DeidentifyAndWrite(later, context);
        Assert.Equal(365, ds2.GetDate(T(0x00080020))!.Value.DayNumber - study.DayNumber);
        Assert.Equal(result.Pseudonym, ds2.GetString(T(0x00100020)));
    }

    [Theory]
    [InlineData("20200314", -10, "20200304")]
    [InlineData("2020.03.14", 1, "20200315")]
    [InlineData("20200310-20200314", -1, "20200309-20200313")]
    [InlineData("-20200314", 1, "-20200315")]
    [InlineData("20200314-", 1, "20200315-")]
    [InlineData("not a date", 1, null)]
    public void Date_values_and_ranges_shift(string value, int days, string? expected) =>
        Assert.Equal(expected, DateShifter.ShiftDate(value, days));

    [Theory]
    [InlineData("2020", -400, "2018")]
    [InlineData("202003", -20, "202002")]
    [InlineData("20200314-20200315", 1, "20200315-20200316")]
    [InlineData("bad", 1, null)]
    public void Datetime_values_shift_their_date_part(string value, int days, string? expected) =>
        Assert.Equal(expected, DateShifter.ShiftDateTime(value, days));

    [Theory]
    [InlineData("20200314101530.123456-0500", -1)]
    [InlineData("20200314101530+0100", 1)]
    [InlineData("202003141015", -3000)]
    public void Datetime_values_shift_date_by_days_and_time_of_day_by_the_patient_time_offset(string value, int days)
    {
        string shifted = DateShifter.ShiftDateTime(value, days)!;
        var original = DateOnly.ParseExact(value[..8], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(original.AddDays(days).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), shifted[..8]);
        int timeDigits = value.Skip(8).TakeWhile(char.IsAsciiDigit).Count();
        Assert.Equal(DateShifter.ShiftTime(value.Substring(8, timeDigits), DateShifter.TimeOffsetSeconds(days)), shifted.Substring(8, timeDigits));
        Assert.NotEqual(value.Substring(8, timeDigits), shifted.Substring(8, timeDigits));
        Assert.Equal(value.Length, shifted.Length);
    }

    [Theory]
    [InlineData("101530", 3600, "111530")]
    [InlineData("233000", 3600, "003000")]
    [InlineData("1015", 90, "1016")]
    [InlineData("10", 7200, "12")]
    [InlineData("10:15:30", 60, "101630")]
    [InlineData("101530.25", 1, "101531.25")]
    [InlineData("100000-110000", 600, "101000-111000")]
    [InlineData("2615", 60, null)]
    public void Times_of_day_shift_modulo_24_hours_keeping_precision(string value, int seconds, string? expected) =>
        Assert.Equal(expected, DateShifter.ShiftTime(value, seconds));

    [Fact]
    public void Time_offsets_are_between_one_and_twenty_three_hours()
    {
        for (int days = -4000; days <= 4000; days += 7)
        {
            Assert.InRange(DateShifter.TimeOffsetSeconds(days), 3600, 82800);
        }
    }
}
