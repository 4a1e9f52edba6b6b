namespace Ricord.Dicom.Tests.Dictionary;

public sealed class DicomDictionaryTests
{
    [Fact]
    public void PatientID_is_LO_with_VM_1()
    {
        var e = DicomDictionary.Find(DicomTags.PatientID);

        Assert.NotNull(e);
        Assert.Equal(new DicomTag(0x0010, 0x0020), e.Tag);
        Assert.Equal([DicomVR.LO], e.ValueRepresentations);
        Assert.Equal("1", e.ValueMultiplicity);
        Assert.Equal("Patient ID", e.Name);
        Assert.False(e.IsRetired);
    }

    [Fact]
    public void Multi_VR_entries_keep_the_order_given()
    {
        Assert.Equal([DicomVR.OB, DicomVR.OW], DicomDictionary.Find(DicomTags.PixelData)!.ValueRepresentations);
        Assert.Equal([DicomVR.US, DicomVR.SS], DicomDictionary.Find(DicomTags.SmallestImagePixelValue)!.ValueRepresentations);
        Assert.Equal(DicomVR.OB, DicomDictionary.ImplicitVR(DicomTags.PixelData));
    }

    [Fact]
    public void Overlay_groups_resolve_through_the_mask()
    {
        Assert.Equal(new DicomTag(0x6000, 0x3000), DicomTags.OverlayData);
        var e = DicomDictionary.Find(new DicomTag(0x6002, 0x3000));

        Assert.NotNull(e);
        Assert.Equal("OverlayData", e.Keyword);
        Assert.Equal(0xFF00FFFFu, e.Mask);
        Assert.Equal("CurveData", DicomDictionary.Find(new DicomTag(0x501E, 0x3000))?.Keyword);
        Assert.Equal(DicomVR.US, DicomDictionary.ImplicitVR(new DicomTag(0x6004, 0x0010)));
    }

    [Theory]
    [InlineData(0x00203105u, "SourceImageIDs")]
    [InlineData(0x00280410u, "RowsForNthOrderCoefficients")]
    [InlineData(0x00280843u, "CodeTableLocation")]
    [InlineData(0x10000121u, "RunLengthTriplet")]
    [InlineData(0x10101234u, "ZonalMap")]
    [InlineData(0x7F020010u, "VariablePixelData")]
    public void Element_patterns_resolve_through_their_masks(uint tag, string keyword) =>
        Assert.Equal(keyword, DicomDictionary.Find(new DicomTag(tag))?.Keyword);

    [Fact]
    public void Odd_groups_never_match_a_repeating_entry() => Assert.Null(DicomDictionary.Find(new DicomTag(0x6001, 0x3000)));

    [Fact]
    public void Red_palette_lookup_table_data()
    {
        var e = DicomDictionary.Find(new DicomTag(0x0028, 0x1201));

        Assert.Equal("RedPaletteColorLookupTableData", e?.Keyword);
        Assert.Equal([DicomVR.OW], e?.ValueRepresentations);
        Assert.Equal(new DicomTag(0x0028, 0x1201), DicomTags.RedPaletteColorLookupTableData);
    }

    [Fact]
    public void Retired_entries_are_flagged()
    {
        Assert.True(DicomDictionary.Find(new DicomTag(0x0008, 0x0001))?.IsRetired);
        Assert.True(DicomDictionary.Find("OverlayData") is { IsRetired: false });
        Assert.True(DicomDictionary.Find("GrayLookupTableData")!.IsRetired);
    }

    [Fact]
    public void Keyword_lookup_finds_entries_and_rejects_unknown_ones()
    {
        Assert.Equal(new DicomTag(0x0020, 0x000D), DicomDictionary.Find("StudyInstanceUID")?.Tag);
        Assert.Null(DicomDictionary.Find("NoSuchKeyword"));
        Assert.Null(DicomDictionary.Find(""));
    }

    [Fact]
    public void Implicit_VR_for_group_lengths_private_creators_and_unknown_tags()
    {
        Assert.Equal(DicomVR.UL, DicomDictionary.ImplicitVR(new DicomTag(0x0008, 0x0000)));
        Assert.Equal(DicomVR.LO, DicomDictionary.ImplicitVR(new DicomTag(0x0009, 0x0010)));
        Assert.Equal(DicomVR.UN, DicomDictionary.ImplicitVR(new DicomTag(0x0009, 0x1001)));
        Assert.Equal(DicomVR.UN, DicomDictionary.ImplicitVR(new DicomTag(0x0008, 0xFFF0)));
        Assert.Null(DicomDictionary.Find(new DicomTag(0x0009, 0x1001)));
    }

    [Fact]
    public void Items_and_delimiters_have_no_VR_and_read_as_UN()
    {
        var item = DicomDictionary.Find(DicomTag.Item);

        Assert.Equal("Item", item?.Keyword);
        Assert.Empty(item!.ValueRepresentations);
        Assert.Equal(DicomVR.UN, item.DefaultVR);
    }

    [Fact]
    public void Every_keyword_round_trips_through_both_lookups()
    {
        foreach (var e in DicomDictionary.Entries.Where(e => e.Keyword.Length > 0))
        {
            Assert.Same(e, DicomDictionary.Find(e.Keyword));
            // A repeating entry's base tag can be another element's tag: (0028,04x0) at x = 0 is (0028,0400) TransformLabel.
            var found = DicomDictionary.Find(e.Tag);
            Assert.True(ReferenceEquals(e, found) || (e.Mask != 0xFFFFFFFF && found?.Mask == 0xFFFFFFFF), e.Keyword);
        }

        Assert.True(DicomDictionary.Entries.Count > 5000);
        Assert.Equal("2024e", DicomDictionary.Edition);
    }
}
