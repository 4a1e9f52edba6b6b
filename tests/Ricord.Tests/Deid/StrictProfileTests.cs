using Ricord.Deid;
using Ricord.Dicom;
using static Ricord.Tests.Deid.PhiFixture;

namespace Ricord.Tests.Deid;

public sealed class StrictProfileTests
{
    [Fact]
    public void Strict_keeps_only_the_allowlist()
    {
        var ds = Build();
        ds.SetUInt16(T(0x00280010), 4).SetUInt16(T(0x00280011), 4).SetDecimalStrings(T(0x00280030), 0.7, 0.7)
          .SetString(T(0x00181210), DicomVR.SH, "B30f").SetString(T(0x00100040), DicomVR.CS, "F");
        var (bytes, _, output) = DeidTestSupport.DeidentifyAndWrite(ds, DeidTestSupport.Context(), new Deidentifier(DeidProfile.Strict));

        Assert.Equal((ushort)4, output.GetUInt16(T(0x00280010)));
        Assert.Equal([0.7, 0.7], output.GetDoubles(T(0x00280030)));
        Assert.Equal("B30f", output.GetString(T(0x00181210)));
        Assert.Equal("CT", output.GetString(T(0x00080060)));
        foreach (var gone in new uint[] { 0x00080070, 0x00081030, 0x0008103E, 0x00080020, 0x00080030, 0x00100040, 0x00081010 })
        {
            Assert.Null(output[T(gone)]);
        }

        Assert.DoesNotContain(output, e => e.Tag.IsPrivate);
        Assert.NotEqual(StudyUid, output.GetString(T(0x0020000D)));
        Assert.Equal("REMOVED", output.GetString(T(0x00280303)));
        foreach (var (location, planted) in Locations)
        {
            Assert.False(DeidTestSupport.ContainsText(bytes, planted), location);
        }
    }

    [Fact]
    public void Strict_is_a_builtin_and_round_trips_as_json()
    {
        Assert.Same(DeidProfile.Strict, DeidProfile.Resolve("strict"));
        Assert.Same(DeidProfile.Ricord, DeidProfile.Resolve("RICORD"));
        var again = DeidProfile.Parse(DeidProfile.Strict.ToJson());
        Assert.Equal(DeidProfile.Strict.KeepOnly, again.KeepOnly);
    }

    [Fact]
    public void Bad_keep_only_entry_is_refused_by_name()
    {
        var ex = Assert.Throws<DeidentificationException>(() => DeidProfile.Parse("""{"name":"X","keepOnly":["(0028,00"]}"""));
        Assert.Contains("keepOnly", ex.Message, StringComparison.Ordinal);
    }
}
