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
    [InlineData(0x00081090u)]
    public void Missing_device_attributes_are_no_risk(uint missing)
    {
        // Already de-identified public data often has no Manufacturer: a plain CT is not a screen capture.
        var ds = Build();
        ds.Remove(T(missing));
        ds.Remove(T(0x00280301));
        Assert.Null(new Deidentifier().Apply(ds, DeidTestSupport.Context()).BurnedInAnnotationRisk);
    }

    [Theory]
    [InlineData("1.2.840.10008.5.1.4.1.1.6.1")] // Ultrasound Image
    [InlineData("1.2.840.10008.5.1.4.1.1.3.1")] // Ultrasound Multi-frame
    [InlineData("1.2.840.10008.5.1.4.1.1.77.1.4")] // VL Photographic
    [InlineData("1.2.840.10008.5.1.4.1.1.104.1")] // Encapsulated PDF
    public void Capture_sop_classes_are_a_risk_unless_marked_no(string sopClass)
    {
        var ds = Build();
        ds.Remove(T(0x00280301));
        ds.SetString(T(0x00080016), DicomVR.UI, sopClass);
        Assert.NotNull(new Deidentifier().Apply(ds.Clone(), DeidTestSupport.Context()).BurnedInAnnotationRisk);

        ds.SetString(T(0x00280301), DicomVR.CS, "NO");
        Assert.Null(new Deidentifier().Apply(ds, DeidTestSupport.Context()).BurnedInAnnotationRisk);
    }

    [Theory]
    [InlineData(true, "DERIVED", "SECONDARY", "SCREEN SAVE")]
    [InlineData(true, "DERIVED", "SECONDARY")]
    [InlineData(true, "ORIGINAL", "PRIMARY", "DOSE INFO")]
    [InlineData(false, "DERIVED", "SECONDARY", "REFORMATTED")]
    [InlineData(false, "DERIVED", "SECONDARY", "AXIAL", "MIP")]
    [InlineData(false, "ORIGINAL", "PRIMARY", "AXIAL")]
    [InlineData(false, "ORIGINAL", "PRIMARY", "LOCALIZER")]
    public void Image_type_decides_for_ct(bool risky, params string[] imageType)
    {
        var ds = Build();
        ds.Remove(T(0x00280301));
        ds.SetStrings(T(0x00080008), DicomVR.CS, imageType);
        Assert.Equal(risky, new Deidentifier().Apply(ds, DeidTestSupport.Context()).BurnedInAnnotationRisk is not null);
    }

    [Fact]
    public void Known_device_model_is_a_risk()
    {
        var ds = Build();
        ds.Remove(T(0x00280301));
        ds.SetString(T(0x00080070), DicomVR.LO, "GE Healthcare");
        ds.SetString(T(0x00081090), DicomVR.LO, "LOGIQ E10");
        var risk = new Deidentifier().Apply(ds, DeidTestSupport.Context()).BurnedInAnnotationRisk;
        Assert.Contains("ultrasound", risk!.Reason, StringComparison.OrdinalIgnoreCase);
    }
}
