namespace Ricord.Dicom.Tests.Model;

public sealed class DicomDatasetTests
{
    private static readonly DicomTag PatientName = new(0x00100010);
    private static readonly DicomTag PatientID = new(0x00100020);
    private static readonly DicomTag ImageType = new(0x00080008);
    private static readonly DicomTag StudyDate = new(0x00080020);
    private static readonly DicomTag StudyTime = new(0x00080030);
    private static readonly DicomTag AcquisitionDateTime = new(0x0008002A);
    private static readonly DicomTag Rows = new(0x00280010);
    private static readonly DicomTag PixelSpacing = new(0x00280030);
    private static readonly DicomTag InstanceNumber = new(0x00200013);
    private static readonly DicomTag FrameIncrementPointer = new(0x00280009);
    private static readonly DicomTag ReferencedSeriesSequence = new(0x00081115);
    private static readonly DicomTag SeriesInstanceUID = new(0x0020000E);
    private static readonly DicomTag SpecificCharacterSet = new(0x00080005);

    [Fact]
    public void Keeps_elements_in_tag_order_whatever_the_insertion_order()
    {
        var ds = new DicomDataset();
        ds.SetString(PatientID, DicomVR.LO, "X");
        ds.SetString(ImageType, DicomVR.CS, "A");
        ds.SetUInt16(Rows, 512);
        ds.SetString(PatientName, DicomVR.PN, "Y");
        Assert.Equal([ImageType, PatientName, PatientID, Rows], ds.Select(e => e.Tag));
        ds.SetString(PatientName, DicomVR.PN, "Z");
        Assert.Equal(4, ds.Count);
        Assert.Equal("Z", ds.GetString(PatientName));
        Assert.True(ds.Remove(PatientName));
        Assert.False(ds.Contains(PatientName));
    }

    [Fact]
    public void Typed_accessors_convert_raw_values()
    {
        var ds = new DicomDataset();
        ds.SetStrings(ImageType, DicomVR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.SetString(StudyDate, DicomVR.DA, "20200415");
        ds.SetString(StudyTime, DicomVR.TM, "101500.25");
        ds.SetString(AcquisitionDateTime, DicomVR.DT, "20200415101500.5+0100");
        ds.SetUInt16(Rows, 512);
        ds.SetDecimalStrings(PixelSpacing, 0.703125, 0.703125);
        ds.SetIntegerString(InstanceNumber, 42);
        ds.SetTags(FrameIncrementPointer, new DicomTag(0x00181063));
        ds.SetStrings(SpecificCharacterSet, DicomVR.CS, "", "ISO 2022 IR 87");
        ds.SetString(PatientName, DicomVR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう");

        Assert.Equal(["ORIGINAL", "PRIMARY", "AXIAL"], ds.GetStrings(ImageType));
        Assert.Equal(new DateOnly(2020, 4, 15), ds.GetDate(StudyDate));
        Assert.Equal(new TimeOnly(10, 15, 0, 250), ds.GetTime(StudyTime));
        Assert.Equal(new DateTimeOffset(2020, 4, 15, 10, 15, 0, 500, TimeSpan.FromHours(1)), ds.GetDateTime(AcquisitionDateTime));
        Assert.Equal((ushort)512, ds.GetUInt16(Rows));
        Assert.Equal([0.703125, 0.703125], ds.GetDoubles(PixelSpacing));
        Assert.Equal([0.703125m, 0.703125m], ds.GetDecimals(PixelSpacing));
        Assert.Equal(42, ds.GetInt(InstanceNumber));
        Assert.Equal([new DicomTag(0x00181063)], ds.GetTags(FrameIncrementPointer));
        Assert.Equal("Yamada^Tarou=山田^太郎=やまだ^たろう", ds.GetText(PatientName));
        Assert.Null(ds.GetString(new DicomTag(0x00100030)));
    }

    [Fact]
    public void Person_names_have_three_component_groups_and_five_components()
    {
        var pn = DicomPersonName.Parse("Adams^John Robert Quincy^^Rev.^B.A. M.Div.=アダムス^ジョン=");
        Assert.Equal("Adams", pn.FamilyName);
        Assert.Equal("John Robert Quincy", pn.GivenName);
        Assert.Equal("", pn.MiddleName);
        Assert.Equal("Rev.", pn.NamePrefix);
        Assert.Equal("B.A. M.Div.", pn.NameSuffix);
        Assert.Equal("アダムス^ジョン", pn.Ideographic);
        Assert.Equal("Adams^John Robert Quincy^^Rev.^B.A. M.Div.=アダムス^ジョン", pn.ToString());
    }

    [Theory]
    [InlineData("20200101-20201231", "2020-01-01", "2020-12-31")]
    [InlineData("-20201231", null, "2020-12-31")]
    [InlineData("20200101-", "2020-01-01", null)]
    [InlineData("20200101", "2020-01-01", "2020-01-01")]
    public void Date_ranges_may_be_open(string text, string? from, string? to)
    {
        var range = DicomDateRange.Parse(text)!;
        Assert.Equal(from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), range.From);
        Assert.Equal(to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), range.To);
    }

    [Theory]
    [InlineData("2020.04.15", 2020, 4, 15)]
    [InlineData("20200415", 2020, 4, 15)]
    public void Legacy_date_forms_are_read(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), DicomDateTimeParser.ParseDate(text));

    [Theory]
    [InlineData("10:15:30", 10, 15, 30)]
    [InlineData("1015", 10, 15, 0)]
    [InlineData("10", 10, 0, 0)]
    public void Partial_and_legacy_times_are_read(string text, int h, int m, int s) =>
        Assert.Equal(new TimeOnly(h, m, s), DicomDateTimeParser.ParseTime(text));

    [Fact]
    public void Sequence_items_inherit_the_character_set_of_their_parent()
    {
        var ds = new DicomDataset();
        ds.SetString(SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        var item = new DicomDataset();
        ds.SetSequence(ReferencedSeriesSequence, item);
        item.SetString(PatientName, DicomVR.PN, "Buc^Jérôme");
        Assert.Equal("Buc^Jérôme", item.GetString(PatientName));
        Assert.Equal(11, item[PatientName]!.Length - 1); // é and ô take two bytes in UTF-8; padded to even
        Assert.Same(ds, item.Parent);
        Assert.Equal("ISO_IR 192", item.CharacterSet.Terms[0]);
    }

    [Fact]
    public void Clone_is_deep_for_items()
    {
        var ds = new DicomDataset();
        var item = new DicomDataset();
        item.SetString(SeriesInstanceUID, DicomVR.UI, "1.2.3");
        ds.SetSequence(ReferencedSeriesSequence, item);
        var copy = ds.Clone();
        copy.GetSequence(ReferencedSeriesSequence)[0].SetString(SeriesInstanceUID, DicomVR.UI, "4.5.6");
        Assert.Equal("1.2.3", ds.GetSequence(ReferencedSeriesSequence)[0].GetString(SeriesInstanceUID));
    }

    [Fact]
    public void Decimal_strings_fit_in_sixteen_characters()
    {
        Assert.Equal("0.33333333333333", DicomValueParser.FormatDS(1.0 / 3));
        Assert.True(DicomValueParser.FormatDS(-123456.789012345678).Length <= 16);
        Assert.Equal("1E+300", DicomValueParser.FormatDS(1e300));
    }
}
