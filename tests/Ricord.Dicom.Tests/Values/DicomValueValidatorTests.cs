namespace Ricord.Dicom.Tests.Values;

public sealed class DicomValueValidatorTests
{
    [Fact]
    public void Reports_length_repertoire_and_format_problems_as_warnings()
    {
        var ds = new DicomDataset();
        ds.SetString(new DicomTag(0x00100020), DicomVR.LO, new string('x', 70));
        ds.SetString(new DicomTag(0x00080060), DicomVR.CS, "ct");
        ds.SetString(new DicomTag(0x00080020), DicomVR.DA, "2020-13-01");
        ds.SetString(new DicomTag(0x00080018), DicomVR.UI, "1.02.3");
        ds.SetString(new DicomTag(0x00101010), DicomVR.AS, "45");
        ds.SetString(new DicomTag(0x00200013), DicomVR.IS, "12.5");
        ds.SetString(new DicomTag(0x00080021), DicomVR.DA, "20200101");
        var item = new DicomDataset();
        item.SetString(new DicomTag(0x00081150), DicomVR.UI, "1.2.x");
        ds.SetSequence(new DicomTag(0x00081140), item);

        var warnings = DicomValueValidator.Validate(ds);
        string all = string.Join("\n", warnings.Select(w => w.ToString()));
        Assert.Contains("(0010,0020)", all, StringComparison.Ordinal);
        Assert.Contains("at most 64", all, StringComparison.Ordinal);
        Assert.Contains("outside A–Z", all, StringComparison.Ordinal);
        Assert.Contains("not a date", all, StringComparison.Ordinal);
        Assert.Contains("leading zero", all, StringComparison.Ordinal);
        Assert.Contains("not an age", all, StringComparison.Ordinal);
        Assert.Contains("not an integer", all, StringComparison.Ordinal);
        Assert.Contains("(0008,1150)", all, StringComparison.Ordinal);
        Assert.DoesNotContain("(0008,0021)", all, StringComparison.Ordinal);
        Assert.True(warnings.Count == 8, all);
    }
}
