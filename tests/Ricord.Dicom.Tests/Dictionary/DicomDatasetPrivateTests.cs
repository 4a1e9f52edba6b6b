namespace Ricord.Dicom.Tests.Dictionary;

public sealed class DicomDatasetPrivateTests
{
    [Fact]
    public void Reserve_creates_the_creator_element_in_the_first_free_block()
    {
        var ds = new DicomDataset();
        ds.SetString(new DicomTag(0x0029, 0x0010), DicomVR.LO, "OTHER CREATOR");

        var tag = ds.ReservePrivateTag(0x0029, "SIEMENS CSA HEADER", 0x10);

        Assert.Equal(new DicomTag(0x0029, 0x1110), tag);
        Assert.Equal("SIEMENS CSA HEADER", ds.GetString(new DicomTag(0x0029, 0x0011)));
        Assert.Equal(DicomVR.LO, ds[new DicomTag(0x0029, 0x0011)]?.VR);
    }

    [Fact]
    public void Reserve_reuses_an_existing_block_and_Find_sees_it()
    {
        var ds = new DicomDataset();
        var first = ds.ReservePrivateTag(0x0043, "GEMS_PARM_01", 0x01);
        var second = ds.ReservePrivateTag(0x0043, "GEMS_PARM_01 ", 0x02);

        Assert.Equal(new DicomTag(0x0043, 0x1001), first);
        Assert.Equal(new DicomTag(0x0043, 0x1002), second);
        Assert.Equal(new DicomTag(0x0043, 0x1005), ds.FindPrivateTag(0x0043, "GEMS_PARM_01", 0x05));
        Assert.Single(ds);
    }

    [Fact]
    public void Find_compares_trimmed_creators_and_returns_null_when_absent()
    {
        var ds = new DicomDataset();
        ds.SetString(new DicomTag(0x0009, 0x0012), DicomVR.LO, "GEMS_IDEN_01 ");
        ds.SetString(new DicomTag(0x0011, 0x0010), DicomVR.LO, "GEMS_IDEN_01");

        Assert.Equal(new DicomTag(0x0009, 0x1204), ds.FindPrivateTag(0x0009, " GEMS_IDEN_01", 0x04));
        Assert.Null(ds.FindPrivateTag(0x0009, "GEMS_ACQU_01", 0x04));
        Assert.Null(ds.FindPrivateTag(0x0013, "GEMS_IDEN_01", 0x04));
    }

    [Fact]
    public void Creator_of_a_private_element()
    {
        var ds = new DicomDataset();
        var tag = ds.ReservePrivateTag(0x0019, "GEMS_ACQU_01", 0x24);

        Assert.Equal("GEMS_ACQU_01", ds.GetPrivateCreator(tag));
        Assert.Null(ds.GetPrivateCreator(new DicomTag(0x0019, 0x1124)));
        Assert.Null(ds.GetPrivateCreator(new DicomTag(0x0019, 0x0010)));
        Assert.Null(ds.GetPrivateCreator(DicomTags.PatientID));
    }

    [Fact]
    public void Even_groups_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DicomDataset().ReservePrivateTag(0x0010, "X", 0x01));

    [Fact]
    public void A_full_group_cannot_reserve_another_block()
    {
        var ds = new DicomDataset();
        for (int b = 0x10; b <= 0xFF; b++)
        {
            ds.SetString(new DicomTag(0x0009, (ushort)b), DicomVR.LO, $"C{b}");
        }

        Assert.Throws<InvalidOperationException>(() => ds.ReservePrivateTag(0x0009, "NEW", 0x01));
        Assert.Equal(new DicomTag(0x0009, 0xFF01), ds.ReservePrivateTag(0x0009, "C255", 0x01));
    }
}
