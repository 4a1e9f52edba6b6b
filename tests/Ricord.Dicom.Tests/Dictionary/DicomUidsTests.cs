namespace Ricord.Dicom.Tests.Dictionary;

public sealed class DicomUidsTests
{
    [Fact]
    public void SOP_classes_have_fields_names_and_lookup()
    {
        Assert.Equal("1.2.840.10008.5.1.4.1.1.2", DicomUids.CTImageStorage.Value);
        Assert.Equal(DicomUidType.SopClass, DicomUids.CTImageStorage.Type);
        Assert.Equal("CT Image Storage", DicomUids.GetName("1.2.840.10008.5.1.4.1.1.2\0"));
        Assert.Same(DicomUids.MRImageStorage, DicomUids.FindByKeyword("MRImageStorage"));
        Assert.Equal("TwelveLeadECGWaveformStorage", DicomUids.Find("1.2.840.10008.5.1.4.1.1.9.1.1")?.Keyword);
        Assert.Null(DicomUids.Find("1.2.3.4"));
    }

    [Fact]
    public void Hand_kept_UIDs_are_listed()
    {
        Assert.Equal("1.2.840.10008.1.1", DicomUids.Verification.Value);
        Assert.Equal(DicomUidType.ApplicationContextName, DicomUids.Find("1.2.840.10008.3.1.1.1")?.Type);
        Assert.True(DicomUids.ExplicitVRBigEndian.IsRetired);
        Assert.Equal(DicomUids.All.Count, DicomUids.All.Select(u => u.Value).Distinct().Count());
    }

    [Fact]
    public void Every_known_transfer_syntax_is_a_well_known_UID()
    {
        foreach (var ts in DicomTransferSyntax.All)
        {
            Assert.Equal(DicomUidType.TransferSyntax, DicomUids.Find(ts.Uid)?.Type);
        }
    }
}
