namespace Ricord.Dicom.Tests.Dictionary;

public sealed class PrivateDictionaryTests
{
    [Fact]
    public void GE_element_is_found_by_creator_group_and_offset()
    {
        var e = DicomDictionary.FindPrivate("GEMS_PARM_01", 0x0043, 0x01);

        Assert.Equal("BitmapOfPrescanOptions", e?.Keyword);
        Assert.Equal([DicomVR.SS], e?.ValueRepresentations);
        Assert.Equal(0xFFFF00FFu, e?.Mask);
    }

    [Fact]
    public void Siemens_CSA_header_is_found_in_any_block()
    {
        Assert.Equal("CSAImageHeaderInfo", DicomDictionary.FindPrivate("SIEMENS CSA HEADER", 0x0029, 0x10)?.Keyword);
        Assert.Equal(DicomVR.OB, DicomDictionary.FindPrivate("SIEMENS CSA HEADER", new DicomTag(0x0029, 0x1110))?.DefaultVR);
        Assert.Equal(DicomVR.OB, DicomDictionary.FindPrivate("SIEMENS CSA HEADER ", new DicomTag(0x0029, 0x1210))?.DefaultVR);
        Assert.Equal(DicomVR.UL, DicomDictionary.FindPrivate("SIEMENS MED", 0x0009, 0x30)?.DefaultVR);
    }

    [Fact]
    public void Unknown_creator_group_or_offset_gives_null()
    {
        Assert.Null(DicomDictionary.FindPrivate("NO SUCH CREATOR", 0x0029, 0x10));
        Assert.Null(DicomDictionary.FindPrivate("SIEMENS CSA HEADER", 0x0031, 0x10));
        Assert.Null(DicomDictionary.FindPrivate("SIEMENS CSA HEADER", new DicomTag(0x0029, 0x0010)));
    }

    [Fact]
    public void Odd_group_ranges_match_every_group_of_the_range()
    {
        Assert.Equal("GrayPaletteColorLookupTableData", DicomDictionary.FindPrivate("DLX_LKUP_01", 0x6001, 0x02)?.Keyword);
        Assert.Equal("GrayPaletteColorLookupTableData", DicomDictionary.FindPrivate("DLX_LKUP_01", 0x6033, 0x02)?.Keyword);
    }

    [Fact]
    public void Fixed_element_entries_prefer_the_exact_element()
    {
        Assert.Equal("NumberOfStacks", DicomDictionary.FindPrivate("PHILIPS MR/PART", new DicomTag(0x0019, 0x1100))?.Keyword);
        Assert.Equal("FieldOfView", DicomDictionary.FindPrivate("PHILIPS MR/PART", new DicomTag(0x0019, 0x1000))?.Keyword);
    }

    [Fact]
    public void Implicit_VR_with_a_creator_uses_the_private_dictionary()
    {
        Assert.Equal(DicomVR.SS, DicomDictionary.ImplicitVR(new DicomTag(0x0043, 0x1001), "GEMS_PARM_01"));
        Assert.Equal(DicomVR.UN, DicomDictionary.ImplicitVR(new DicomTag(0x0043, 0x10FE), "GEMS_PARM_01"));
        Assert.Equal(DicomVR.UN, DicomDictionary.ImplicitVR(new DicomTag(0x0043, 0x1001), null));
        Assert.Equal(DicomVR.LO, DicomDictionary.ImplicitVR(new DicomTag(0x0043, 0x0010), "GEMS_PARM_01"));
        Assert.Equal(DicomVR.LO, DicomDictionary.ImplicitVR(DicomTags.PatientID, "GEMS_PARM_01"));
    }
}
