using Ricord.Deid;
using Ricord.Dicom;
using static Ricord.Tests.Deid.PhiFixture;

namespace Ricord.Tests.Deid;

public sealed class PhiLeakTests
{
    public static TheoryData<string, string> PlantedLocations()
    {
        var data = new TheoryData<string, string>();
        foreach (var (location, planted) in Locations)
        {
            data.Add(location, planted);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PlantedLocations))]
    public void Planted_phi_does_not_survive_in_written_bytes(string location, string planted)
    {
        var original = Build();
        byte[] before = new DicomFile(original.Clone()).ToBytes();
        Assert.True(DeidTestSupport.ContainsText(before, planted), $"fixture does not plant {location}");

        var (after, _, _) = DeidTestSupport.DeidentifyAndWrite(original, DeidTestSupport.Context());

        Assert.False(DeidTestSupport.ContainsText(after, planted), $"{location} leaked");
    }

    [Fact]
    public void Retained_values_are_kept()
    {
        var (_, result, ds) = DeidTestSupport.DeidentifyAndWrite(Build(), DeidTestSupport.Context());

        Assert.Equal("045Y", ds.GetString(T(0x00101010)));
        Assert.Equal("F", ds.GetString(T(0x00100040)));
        Assert.Equal("1.62", ds.GetString(T(0x00101020)));
        Assert.Equal("58.5", ds.GetString(T(0x00101030)));
        Assert.Equal("GE MEDICAL SYSTEMS", ds.GetString(T(0x00080070)));
        Assert.Equal("CT", ds.GetString(T(0x00080060)));
        Assert.Equal(CtImageStorage, ds.GetString(T(0x00080016)));
        Assert.NotEqual("101530.12", ds.GetString(T(0x00080030)));   // times of day move too (secret per-patient offset)
        Assert.Matches(@"^\d{6}\.12$", ds.GetString(T(0x00080030)));
        Assert.Equal(8, ds[T(0x7FE00010)]!.Length);
        Assert.Null(result.BurnedInAnnotationRisk);
    }

    [Fact]
    public void Identity_attributes_are_written()
    {
        var (_, result, ds) = DeidTestSupport.DeidentifyAndWrite(Build(), DeidTestSupport.Context());

        Assert.Equal("RICORD-1A-419639-000001", result.Pseudonym);
        Assert.Equal(result.Pseudonym, ds.GetString(T(0x00100020)));
        Assert.Equal(result.Pseudonym, ds.GetText(T(0x00100010)));
        Assert.Equal("YES", ds.GetString(T(0x00120062)));
        Assert.Equal("MODIFIED", ds.GetString(T(0x00280303)));
        var methods = ds.GetStrings(T(0x00120063));
        Assert.Contains("Basic Application Confidentiality Profile", methods);
        Assert.All(methods, m => Assert.True(m.Length <= 64));
        var codes = ds.GetSequence(T(0x00120064)).Select(i => i.GetString(T(0x00080100))).ToList();
        Assert.Equal(["113100", "113111", "113108", "113107", "113105"], codes);
        Assert.All(ds.GetSequence(T(0x00120064)), i => Assert.Equal("DCM", i.GetString(T(0x00080102))));
    }

    [Fact]
    public void Descriptors_keep_only_safe_words()
    {
        var (_, _, ds) = DeidTestSupport.DeidentifyAndWrite(Build(), DeidTestSupport.Context());

        Assert.Equal("CT CHEST WITHOUT CONTRAST FOR", ds.GetString(T(0x00081030)));
        Assert.Equal("AXIAL LUNG 1.25MM", ds.GetString(T(0x0008103E)));
        Assert.Equal("CHEST ROUTINE", ds.GetString(T(0x00181030)));
    }

    [Fact]
    public void Private_elements_follow_the_allowlist()
    {
        var (_, _, ds) = DeidTestSupport.DeidentifyAndWrite(Build(), DeidTestSupport.Context());

        Assert.Equal("GEMS_ACQU_01", ds.GetString(T(0x00190010)));
        Assert.Equal("39.375", ds.GetString(T(0x00191023)));
        Assert.False(ds.Contains(T(0x00191050)));
        Assert.DoesNotContain(ds, e => e.Tag.Group == 0x0029);
    }

    [Fact]
    public void Without_retain_safe_private_every_private_element_goes()
    {
        var profile = DeidProfile.Ricord with { Options = [.. DeidProfile.Ricord.Options.Where(o => o != DeidOption.RetainSafePrivate)] };
        var (_, _, ds) = DeidTestSupport.DeidentifyAndWrite(Build(), DeidTestSupport.Context(), new Deidentifier(profile));

        Assert.DoesNotContain(ds, e => e.Tag.IsPrivate);
    }

    [Fact]
    public void Overlay_planes_and_curves_are_removed_whole()
    {
        var (_, _, ds) = DeidTestSupport.DeidentifyAndWrite(Build(), DeidTestSupport.Context());

        Assert.DoesNotContain(ds, e => e.Tag.Group is 0x5000 or 0x6000);
    }

    [Fact]
    public void Nested_sequences_are_processed_not_dropped()
    {
        var (_, _, ds) = DeidTestSupport.DeidentifyAndWrite(Build(), DeidTestSupport.Context());

        var request = Assert.Single(ds.GetSequence(T(0x00400275)));
        Assert.Null(request.GetString(T(0x00080050)));
        Assert.False(request.Contains(T(0x00401001)));
        Assert.False(ds.Contains(T(0x00081120)));
        Assert.False(ds.Contains(T(0x00101002)));
        var content = Assert.Single(Assert.Single(ds.GetSequence(T(0x0040A730))).GetSequence(T(0x0040A730)));
        Assert.Equal("ANONYMOUS", content.GetText(T(0x0040A123)));
    }

    [Fact]
    public void Ages_over_89_are_capped()
    {
        var ds = Build();
        ds.SetString(T(0x00101010), DicomVR.AS, "093Y");
        var (_, _, output) = DeidTestSupport.DeidentifyAndWrite(ds, DeidTestSupport.Context());

        Assert.Equal("090Y", output.GetString(T(0x00101010)));
    }

    [Fact]
    public void Character_set_is_dropped_when_only_ascii_remains_and_kept_otherwise()
    {
        var (_, _, ascii) = DeidTestSupport.DeidentifyAndWrite(Build(), DeidTestSupport.Context());
        Assert.False(ascii.Contains(T(0x00080005)));

        var ds = Build();
        ds.SetString(T(0x00080070), DicomVR.LO, "Siemens Medizintechnik Köln");
        var (_, _, latin) = DeidTestSupport.DeidentifyAndWrite(ds, DeidTestSupport.Context());
        Assert.Equal("ISO_IR 100", latin.GetString(T(0x00080005)));
        Assert.Equal("Siemens Medizintechnik Köln", latin.GetString(T(0x00080070)));
    }

    [Fact]
    public void Missing_patient_id_fails_without_revealing_values()
    {
        var ds = Build();
        ds.Remove(T(0x00100020));
        var ex = Assert.Throws<DeidentificationException>(() => new Deidentifier().Apply(ds, DeidTestSupport.Context()));

        Assert.Contains("(0010,0020)", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ZQXWALSH", ex.Message, StringComparison.Ordinal);
    }
}
