using Ricord.Deid;
using Ricord.Dicom;
using static Ricord.Tests.Deid.PhiFixture;

namespace Ricord.Tests.Deid;

public sealed class BurnedInAnnotationTests
{
    [Fact]
    public void Burned_in_annotation_yes_is_reported()
    {
        var ds = Build();
        ds.SetString(T(0x00280301), DicomVR.CS, "YES");
        var result = new Deidentifier().Apply(ds, DeidTestSupport.Context());

        Assert.True(result.NeedsReview);
        Assert.Contains("(0028,0301)", result.BurnedInAnnotationRisk!.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("YES")]
    public void Secondary_capture_not_marked_clean_is_reported(string? burnedIn)
    {
        var ds = Build();
        ds.SetString(T(0x00080016), DicomVR.UI, "1.2.840.10008.5.1.4.1.1.7.4");
        if (burnedIn is null)
        {
            ds.Remove(T(0x00280301));
        }
        else
        {
            ds.SetString(T(0x00280301), DicomVR.CS, burnedIn);
        }

        Assert.True(new Deidentifier().Apply(ds, DeidTestSupport.Context()).NeedsReview);
    }

    [Fact]
    public void Secondary_capture_marked_no_passes()
    {
        var ds = Build();
        ds.SetString(T(0x00080016), DicomVR.UI, "1.2.840.10008.5.1.4.1.1.7");
        Assert.False(new Deidentifier().Apply(ds, DeidTestSupport.Context()).NeedsReview);
    }

    [Theory]
    [InlineData(0x00080070u)]
    [InlineData(0x00080060u)]
    public void Unknown_device_is_reported(uint missing)
    {
        var ds = Build();
        ds.Remove(T(missing));
        var result = new Deidentifier().Apply(ds, DeidTestSupport.Context());

        Assert.Contains("Unknown device", result.BurnedInAnnotationRisk!.Reason, StringComparison.Ordinal);
    }
}
