using System.Text;
using System.Text.Json;
using static Ricord.Dicom.Tests.Json.JsonTestData;

namespace Ricord.Dicom.Tests.Json;

public sealed class DicomJsonWriterTests
{
    private static JsonElement Write(DicomDataset ds, DicomJsonWriterOptions? options = null) =>
        JsonDocument.Parse(DicomJsonWriter.ToJson(ds, options)).RootElement;

    [Fact]
    public void Output_has_the_shape_of_the_PS3_18_F_2_example()
    {
        // After PS3.18 F.2.1.1's example: keys GGGGEEEE in tag order, {"vr", "Value"}, PN as group objects.
        var ds = new DicomDataset();
        ds.Set(Text(0x00080005, DicomVR.CS, "ISO_IR 192"));
        ds.Set(Text(0x00080020, DicomVR.DA, "20130409"));
        ds.Set(Text(0x00080061, DicomVR.CS, "CT\\PET"));
        ds.Set(Text(0x00080090, DicomVR.PN, ""));
        ds.Set(new DicomElement(T(0x00100010), DicomVR.PN, Encoding.UTF8.GetBytes("Wang^XiaoDong=王^小東")));
        ds.Set(Text(0x0020000D, DicomVR.UI, "1.2.392.200036.9116.2.2.2.1762893313.1029997326.945873"));
        ds.Set(Text(0x00201206, DicomVR.IS, "4"));
        ds.Set(Text(0x00280030, DicomVR.DS, "0.50\\0.50"));
        ds.Set(new DicomElement(T(0x00280010), DicomVR.US, new byte[] { 0, 2 }));
        ds.SetTags(T(0x00209165), T(0x00100020));
        ds.SetSequence(T(0x00081115), new DicomDataset().SetString(T(0x0020000E), DicomVR.UI, "1.2.3"));
        string expected = """
            {"00080005":{"vr":"CS","Value":["ISO_IR 192"]},
            "00080020":{"vr":"DA","Value":["20130409"]},
            "00080061":{"vr":"CS","Value":["CT","PET"]},
            "00080090":{"vr":"PN"},
            "00081115":{"vr":"SQ","Value":[{"0020000E":{"vr":"UI","Value":["1.2.3"]}}]},
            "00100010":{"vr":"PN","Value":[{"Alphabetic":"Wang^XiaoDong","Ideographic":"王^小東"}]},
            "0020000D":{"vr":"UI","Value":["1.2.392.200036.9116.2.2.2.1762893313.1029997326.945873"]},
            "00201206":{"vr":"IS","Value":[4]},
            "00209165":{"vr":"AT","Value":["00100020"]},
            "00280010":{"vr":"US","Value":[512]},
            "00280030":{"vr":"DS","Value":[0.50,0.50]}}
            """.Replace("\n", "", StringComparison.Ordinal);
        Assert.Equal(expected, DicomJsonWriter.ToJson(ds));
    }

    [Fact]
    public void IS_and_DS_keep_their_text_and_fall_back_to_strings_where_JSON_has_no_such_number()
    {
        var ds = new DicomDataset();
        ds.Set(Text(0x00280030, DicomVR.DS, "1.50\\+1\\1e3\\ 12 \\.5\\1."));
        Assert.Equal("""[1.50,"+1",1e3,12,".5","1."]""", Write(ds).GetProperty("00280030").GetProperty("Value").GetRawText());
        var asStrings = Write(ds, new DicomJsonWriterOptions { NumberStyle = DicomJsonNumberStyle.String });
        Assert.Equal("""["1.50","+1","1e3","12",".5","1."]""", asStrings.GetProperty("00280030").GetProperty("Value").GetRawText());
    }

    [Fact]
    public void Empty_members_of_a_multi_value_are_null_and_empty_values_have_no_Value()
    {
        var ds = new DicomDataset();
        ds.Set(Text(0x00080008, DicomVR.CS, "ORIGINAL\\\\AXIAL"));
        ds.Set(Text(0x00100030, DicomVR.DA, "        "));
        ds.Set(new DicomElement(T(0x00100040), DicomVR.CS, DicomBuffer.Empty));
        ds.SetSequence(T(0x00081115));
        var json = Write(ds);
        Assert.Equal("""["ORIGINAL",null,"AXIAL"]""", json.GetProperty("00080008").GetProperty("Value").GetRawText());
        Assert.Equal("""{"vr":"DA"}""", json.GetProperty("00100030").GetRawText());
        Assert.Equal("""{"vr":"CS"}""", json.GetProperty("00100040").GetRawText());
        Assert.Equal("""{"vr":"SQ"}""", json.GetProperty("00081115").GetRawText());
    }

    [Fact]
    public void Sixty_four_bit_integers_are_written_exactly()
    {
        var ds = new DicomDataset();
        ds.Set(new DicomElement(T(0x00720082), DicomVR.SV, Longs(9007199254740993, long.MinValue)));
        ds.Set(new DicomElement(T(0x00720083), DicomVR.UV, ULongs(ulong.MaxValue)));
        var json = Write(ds);
        Assert.Equal("[9007199254740993,-9223372036854775808]", json.GetProperty("00720082").GetProperty("Value").GetRawText());
        Assert.Equal("[18446744073709551615]", json.GetProperty("00720083").GetProperty("Value").GetRawText());
        var strings = Write(ds, new DicomJsonWriterOptions { NumberStyle = DicomJsonNumberStyle.String });
        Assert.Equal("""["18446744073709551615"]""", strings.GetProperty("00720083").GetProperty("Value").GetRawText());
    }

    [Fact]
    public void Binary_is_inline_base64_or_a_bulk_data_URI_from_the_callback_above_the_threshold()
    {
        var ds = new DicomDataset();
        ds.Set(new DicomElement(T(0x00420011), DicomVR.OB, new byte[] { 1, 2, 3, 4 }));
        ds.Set(new DicomElement(T(0x7FE00010), DicomVR.OW, new byte[2048]));
        var inline = Write(ds);
        Assert.Equal("AQIDBA==", inline.GetProperty("00420011").GetProperty("InlineBinary").GetString());
        var options = new DicomJsonWriterOptions { BulkDataUri = e => $"http://x/bulk/{e.Tag.Value:X8}", BulkDataThreshold = 1024 };
        var bulk = Write(ds, options);
        Assert.Equal("AQIDBA==", bulk.GetProperty("00420011").GetProperty("InlineBinary").GetString());
        Assert.Equal("http://x/bulk/7FE00010", bulk.GetProperty("7FE00010").GetProperty("BulkDataURI").GetString());
    }

    [Fact]
    public void Encapsulated_pixel_data_is_a_bulk_data_URI_or_has_no_value()
    {
        var ds = new DicomDataset();
        ds.Set(new DicomFragmentSequence(T(0x7FE00010), DicomVR.OB, DicomBuffer.Empty, [DicomBuffer.From(new byte[] { 0xFF, 0xD8 })]));
        Assert.Equal("""{"vr":"OB"}""", Write(ds).GetProperty("7FE00010").GetRawText());
        var withUri = Write(ds, new DicomJsonWriterOptions { BulkDataUri = _ => "frames/1" });
        Assert.Equal("""{"vr":"OB","BulkDataURI":"frames/1"}""", withUri.GetProperty("7FE00010").GetRawText());
    }

    [Fact]
    public void Text_is_decoded_with_the_data_sets_character_set()
    {
        var ds = new DicomDataset();
        ds.Set(Text(0x00080005, DicomVR.CS, "ISO_IR 100"));
        ds.Set(new DicomElement(T(0x00100010), DicomVR.PN, new byte[] { (byte)'M', 0xFC, (byte)'l', (byte)'l', (byte)'e', (byte)'r' }));
        Assert.Equal("Müller", Write(ds).GetProperty("00100010").GetProperty("Value")[0].GetProperty("Alphabetic").GetString());
    }

    [Fact]
    public void Non_finite_floats_are_strings_the_reader_accepts()
    {
        var ds = new DicomDataset();
        ds.Set(new DicomElement(T(0x00189219), DicomVR.FD, Doubles(double.NaN, double.NegativeInfinity, 0.1)));
        string json = DicomJsonWriter.ToJson(ds);
        Assert.Contains("""["NaN","-Infinity",0.1]""", json);
        Assert.Equal(ds[T(0x00189219)]!.Bytes.ToArray(), DicomJsonReader.Parse(json)[T(0x00189219)]!.Bytes.ToArray());
    }

    [Fact]
    public void Indented_output_spans_lines()
    {
        var ds = new DicomDataset().SetString(T(0x00100020), DicomVR.LO, "X");
        Assert.Contains('\n', DicomJsonWriter.ToJson(ds, new DicomJsonWriterOptions { Indented = true }));
        Assert.DoesNotContain('\n', DicomJsonWriter.ToJson(ds));
    }
}
