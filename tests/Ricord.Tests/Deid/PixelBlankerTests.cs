using Ricord.Deid;
using Ricord.Dicom;
using static Ricord.Tests.Deid.PhiFixture;

namespace Ricord.Tests.Deid;

public sealed class PixelBlankerTests
{
    private static DicomFile UltrasoundLike(string photometric = "MONOCHROME2")
    {
        var ds = Build();
        ds.SetString(T(0x00080070), DicomVR.LO, "GE Healthcare");
        ds.SetString(T(0x00081090), DicomVR.LO, "LOGIQ E10");
        ds.SetUInt16(T(0x00280010), 600).SetUInt16(T(0x00280011), 800).SetUInt16(T(0x00280002), 1)
          .SetString(T(0x00280004), DicomVR.CS, photometric)
          .SetUInt16(T(0x00280100), 8).SetUInt16(T(0x00280101), 8).SetUInt16(T(0x00280102), 7).SetUInt16(T(0x00280103), 0);
        ds.SetBytes(T(0x7FE00010), DicomVR.OB, Enumerable.Repeat((byte)200, 600 * 800).ToArray());
        ds.SetString(T(0x00280301), DicomVR.CS, "YES");
        return new DicomFile(ds);
    }

    [Fact]
    public void Matching_rule_blanks_its_region_in_every_frame_and_only_there()
    {
        var file = UltrasoundLike();
        var rule = PixelRules.Default.MatchBlanking(file.Dataset);
        Assert.NotNull(rule);

        var blanked = PixelBlanker.Blank(file, rule);
        var pixels = blanked.Dataset[T(0x7FE00010)]!.Bytes;
        var region = rule.Regions[0];
        Assert.Equal(0, pixels[(region[1] * 800) + region[0]]);
        Assert.Equal(0, pixels[((region[1] + region[3] - 1) * 800) + region[0] + region[2] - 1]);
        Assert.Equal(200, pixels[(region[1] + region[3]) * 800]);
        Assert.Equal("NO", blanked.Dataset.GetString(T(0x00280301)));
        Assert.Equal(200, file.Dataset[T(0x7FE00010)]!.Bytes[0]); // the source is not changed
    }

    [Fact]
    public void Monochrome1_is_blanked_to_its_black()
    {
        var file = UltrasoundLike("MONOCHROME1");
        var blanked = PixelBlanker.Blank(file, PixelRules.Default.MatchBlanking(file.Dataset)!);
        Assert.Equal(255, blanked.Dataset[T(0x7FE00010)]!.Bytes[0]);
    }

    [Fact]
    public void No_rule_for_another_size()
    {
        var file = UltrasoundLike();
        file.Dataset.SetUInt16(T(0x00280010), 601);
        Assert.Null(PixelRules.Default.MatchBlanking(file.Dataset));
    }

    [Fact]
    public void Region_outside_the_image_is_refused_when_rules_load()
    {
        var ex = Assert.Throws<DeidentificationException>(() => PixelRules.Parse(
            """{"blanking":[{"name":"bad","manufacturer":"X","model":".*","rows":10,"columns":10,"regions":[[5,5,10,2]]}]}"""));
        Assert.Contains("'bad'", ex.Message, StringComparison.Ordinal);
    }
    [Fact]
    public void A_model_pattern_the_linear_engine_cannot_run_is_refused_when_rules_load()
    {
        var ex = Assert.Throws<DeidentificationException>(() => PixelRules.Parse(
            """{"devices":[{"manufacturer":"ACME","model":"^(A)\\1$","reason":"r"}]}"""));
        Assert.Contains("'ACME ^(A)\\1$'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catastrophic_model_pattern_still_answers_on_a_long_model_name()
    {
        // (a+)+$ backtracks exponentially on "aaa…ab" in a backtracking engine; the rules use a linear one, so the
        // match ends (and answers no) instead of hanging or throwing a timeout on a loaded machine.
        var rules = PixelRules.Parse("""{"devices":[{"manufacturer":"","model":"^(a+)+$","reason":"r"}]}""");
        var file = UltrasoundLike();
        file.Dataset.SetString(new DicomTag(0x00081090), DicomVR.LO, new string('a', 60) + "b");
        Assert.Null(rules.MatchDevice(file.Dataset));
        file.Dataset.SetString(new DicomTag(0x00081090), DicomVR.LO, new string('a', 60));
        Assert.NotNull(rules.MatchDevice(file.Dataset));
    }
}
