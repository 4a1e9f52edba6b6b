using Ricord.Release;

namespace Ricord.Tests.Release;

/// <summary>The optional outputs in the spec: read from JSON, written back (so the manifest's spec rebuilds them), bad values refused by name.</summary>
public sealed class ReleaseSpecOutputsTests
{
    [Fact]
    public void Options_round_trip_through_the_spec_json()
    {
        var spec = ReleaseSpec.Parse("""
            { "collections": ["RC"], "dicomLayout": "uid", "recompress": "rle", "labelFiles": true, "radiographs": "png", "labelmapSeg": true, "decathlon": true }
            """);
        Assert.Equal((ReleaseSpec.LayoutUid, ReleaseSpec.Rle, true, ReleaseSpec.Png, true, true),
            (spec.DicomLayout, spec.Recompress, spec.LabelFiles, spec.Radiographs, spec.LabelmapSeg, spec.Decathlon));
        Assert.Equal(spec.ToJson(), ReleaseSpec.Parse(spec.ToJson()).ToJson());
        Assert.Contains("\"labelmapSeg\": true", spec.ToJson(), StringComparison.Ordinal);
        var defaults = ReleaseSpec.Parse("""{ "collections": ["RC"] }""");
        Assert.Equal((ReleaseSpec.LayoutTcia, null, false, null, false, false),
            (defaults.DicomLayout, defaults.Recompress, defaults.LabelFiles, defaults.Radiographs, defaults.LabelmapSeg, defaults.Decathlon));
    }

    [Theory]
    [InlineData("dicomLayout", "flat")]
    [InlineData("recompress", "jpeg2000")]
    [InlineData("radiographs", "jpeg")]
    public void Unknown_values_are_refused_by_key(string key, string value)
    {
        var e = Assert.Throws<ReleaseException>(() => ReleaseSpec.Parse($$"""{ "collections": ["RC"], "{{key}}": "{{value}}" }"""));
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
        Assert.Contains(value, e.Message, StringComparison.Ordinal);
    }
}
