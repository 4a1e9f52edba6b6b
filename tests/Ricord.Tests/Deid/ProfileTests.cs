using Ricord.Deid;
using static Ricord.Tests.Deid.PhiFixture;

namespace Ricord.Tests.Deid;

public sealed class ProfileTests
{
    [Fact]
    public void Table_e1_1_is_embedded_whole()
    {
        var rows = ConfidentialityProfileTable.Standard.Rows;
        Assert.Equal(621, rows.Count);
        Assert.Single(rows, r => r.Pattern is null); // the private-attributes row
        Assert.Contains(rows, r => r.Pattern is { IsExact: false } p && p.Matches(0x50022500));
        Assert.Contains(rows, r => r.Pattern is { IsExact: false } p && p.Matches(0x601E4000));
    }

    [Theory]
    [InlineData("X/Z", DeidAction.Zero)]
    [InlineData("X/D", DeidAction.Dummy)]
    [InlineData("Z/D", DeidAction.Dummy)]
    [InlineData("X/Z/D", DeidAction.Dummy)]
    [InlineData("X/Z/U*", DeidAction.RemapUid)]
    [InlineData("K", DeidAction.Keep)]
    [InlineData("C", DeidAction.Clean)]
    [InlineData("X", DeidAction.Remove)]
    public void Compound_codes_take_the_least_destructive_choice(string code, DeidAction expected) =>
        Assert.Equal(expected, ActionCodes.Parse(code));

    [Fact]
    public void Options_override_the_basic_profile()
    {
        var basic = new CompiledProfile(new DeidProfile { Name = "Basic" });
        var ricord = new CompiledProfile(DeidProfile.Ricord);
        var withDevice = new CompiledProfile(DeidProfile.Ricord with { Options = [.. DeidProfile.Ricord.Options, DeidOption.RetainDeviceIdentity] });

        Assert.Equal(DeidAction.Zero, basic.Resolve(T(0x00080020)));      // Study Date Z
        Assert.Equal(DeidAction.Clean, ricord.Resolve(T(0x00080020)));    // rtnLongModifDatesOpt C
        Assert.Equal(DeidAction.Remove, basic.Resolve(T(0x00101010)));    // Patient's Age X
        Assert.Equal(DeidAction.Keep, ricord.Resolve(T(0x00101010)));     // rtnPatCharsOpt K
        Assert.Equal(DeidAction.Dummy, ricord.Resolve(T(0x00181000)));    // Device Serial Number X/Z/D
        Assert.Equal(DeidAction.Keep, withDevice.Resolve(T(0x00181000))); // rtnDevIdOpt K
        Assert.Equal(DeidAction.Clean, ricord.Resolve(T(0x00102110)));    // Allergies: rtnPatCharsOpt C and cleanDescOpt C
        Assert.Null(ricord.Resolve(T(0x00080070)));                       // Manufacturer: not listed
    }

    [Fact]
    public void Full_and_modified_dates_exclude_each_other()
    {
        var p = DeidProfile.Ricord with { Options = [.. DeidProfile.Ricord.Options, DeidOption.RetainLongitudinalFullDates] };
        Assert.Throws<DeidentificationException>(p.Validate);
    }

    [Fact]
    public void Profile_json_round_trips()
    {
        string json = DeidProfile.Ricord.ToJson();
        var back = DeidProfile.Parse(json);

        Assert.Contains("\"rtnLongModifDatesOpt\"", json, StringComparison.Ordinal);
        Assert.Equal(DeidProfile.Ricord.Options, back.Options);
        Assert.Equal(DeidProfile.Ricord.SafePrivate, back.SafePrivate);
        Assert.Equal(DeidProfile.Ricord.DateShift, back.DateShift);
        Assert.Equal(json, back.ToJson());
    }

    [Fact]
    public void Overrides_win_over_the_table()
    {
        string json = """
            {
              "name": "Curated",
              "options": ["rtnLongModifDatesOpt", "rtnPatCharsOpt", "cleanDescOpt"],
              "overrides": { "(0008,1030)": "X", "(0008,0070)": "Z", "(0010,2160)": "X" },
              "uidRoot": "2.25",
              "dateShift": { "minDays": 400, "maxDays": 800 }
            }
            """;
        var profile = DeidProfile.Parse(json);
        var (_, _, ds) = DeidTestSupport.DeidentifyAndWrite(Build(), DeidTestSupport.Context(), new Deidentifier(profile));

        Assert.False(ds.Contains(T(0x00081030)));
        Assert.Null(ds.GetString(T(0x00080070)));
        Assert.True(ds.GetDate(T(0x00080020)) > new DateOnly(2020, 3, 14));
        Assert.DoesNotContain(ds, e => e.Tag.IsPrivate);
    }

    [Theory]
    [InlineData("""{ "name": "x", "overrides": { "PatientName": "X" } }""", "Override key")]
    [InlineData("""{ "name": "x", "overrides": { "(0010,0010)": "Q" } }""", "action code")]
    [InlineData("""{ "name": "x", "uidRoot": "1.02.3" }""", "UID root")]
    [InlineData("""{ "name": "x", "dateShift": { "minDays": -10, "maxDays": 10 } }""", "includes 0")]
    [InlineData("""{ "name": "x", "safePrivate": [ { "creator": "A", "tag": "(0018,xx10)" } ] }""", "odd group")]
    [InlineData("""{ "name": "x", "bogus": 1 }""", "invalid")]
    public void Bad_profiles_are_refused_with_a_usable_message(string json, string expected)
    {
        var ex = Assert.Throws<DeidentificationException>(() => DeidProfile.Parse(json));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CT CHEST FOR JOHN SMITH MRN 12345678", "CT CHEST FOR")]
    [InlineData("XR CHEST 2 VIEWS PA AND LATERAL", "XR CHEST 2 VIEWS PA AND LATERAL")]
    [InlineData("Axial 5.0mm Lung (Dr. Kowalski)", "Axial 5.0mm Lung Dr")]
    [InlineData("St. Mary's 03/14/2020", "")]
    public void Descriptor_cleaning_keeps_only_the_vocabulary(string text, string expected) =>
        Assert.Equal(expected, DescriptorCleaner.Clean(text, new CompiledProfile(DeidProfile.Ricord).SafeWords));
}
