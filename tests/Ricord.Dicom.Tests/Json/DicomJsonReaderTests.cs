using System.Text;
using static Ricord.Dicom.Tests.Json.JsonTestData;

namespace Ricord.Dicom.Tests.Json;

public sealed class DicomJsonReaderTests
{
    [Fact]
    public void Reads_values_of_each_kind()
    {
        var ds = DicomJsonReader.Parse("""
            {
              "00100010": {"vr": "PN", "Value": [{"Alphabetic": "Doe^John", "Phonetic": "do^jon"}]},
              "00209165": {"vr": "AT", "Value": ["00100010", "7FE00010"]},
              "00280030": {"vr": "DS", "Value": [1.50, "+1"]},
              "00280010": {"vr": "US", "Value": [512]},
              "00720083": {"vr": "UV", "Value": [18446744073709551615]},
              "00420011": {"vr": "OB", "InlineBinary": "AQID"},
              "00081140": {"vr": "SQ", "Value": [{"00081150": {"vr": "UI", "Value": ["1.2.3"]}}]}
            }
            """);
        Assert.Equal("Doe^John==do^jon", ds.GetText(T(0x00100010)));
        Assert.Equal([T(0x00100010), T(0x7FE00010)], ds.GetTags(T(0x00209165)));
        Assert.Equal("1.50\\+1", ds.GetText(T(0x00280030)));
        Assert.Equal((ushort)512, ds.GetUInt16(T(0x00280010)));
        Assert.Equal(ulong.MaxValue, BitConverter.ToUInt64(ds[T(0x00720083)]!.Bytes));
        Assert.Equal(new byte[] { 1, 2, 3, 0 }, ds[T(0x00420011)]!.Bytes.ToArray());
        Assert.Equal("1.2.3", ds.GetSequence(T(0x00081140))[0].GetString(T(0x00081150)));
        Assert.Null(ds[T(0x00080005)]);
    }

    [Fact]
    public void Non_ASCII_text_without_a_character_set_gets_ISO_IR_192()
    {
        var ds = DicomJsonReader.Parse("""{"00100010": {"vr": "PN", "Value": [{"Alphabetic": "Müller"}]}}""");
        Assert.Equal("ISO_IR 192", ds.GetString(T(0x00080005)));
        Assert.Equal("Müller"u8.ToArray(), ds[T(0x00100010)]!.Bytes.TrimEnd((byte)' ').ToArray());
    }

    [Fact]
    public void A_declared_character_set_is_used_and_text_it_cannot_hold_is_an_error()
    {
        var latin1 = DicomJsonReader.Parse("""{"00080005": {"vr": "CS", "Value": ["ISO_IR 100"]}, "00100010": {"vr": "PN", "Value": [{"Alphabetic": "Müller"}]}}""");
        Assert.Equal(Encoding.Latin1.GetBytes("Müller"), latin1[T(0x00100010)]!.Bytes.ToArray());
        var ex = Assert.Throws<DicomJsonException>(() => DicomJsonReader.Parse(
            """{"00080005": {"vr": "CS", "Value": ["ISO_IR 100"]}, "00100010": {"vr": "PN", "Value": [{"Alphabetic": "山田"}]}}"""));
        Assert.Equal("$.00100010.Value", ex.Path);
    }

    [Fact]
    public void Bulk_data_URIs_are_kept_or_resolved()
    {
        const string Json = """{"7FE00010": {"vr": "OW", "BulkDataURI": "http://x/1"}}""";
        var kept = DicomJsonReader.Parse(Json);
        var element = Assert.IsType<DicomBulkDataElement>(kept[T(0x7FE00010)]);
        Assert.Equal("http://x/1", element.Uri);
        Assert.Equal(0, element.Length);
        Assert.Contains("\"BulkDataURI\":\"http://x/1\"", DicomJsonWriter.ToJson(kept));

        var resolved = DicomJsonReader.Parse(Json, new DicomJsonReaderOptions { BulkDataResolver = (uri, vr) => DicomBuffer.From(new byte[] { 9, 9 }) });
        Assert.Equal(new byte[] { 9, 9 }, resolved[T(0x7FE00010)]!.Bytes.ToArray());
    }

    [Fact]
    public void An_array_of_data_sets_is_read()
    {
        var list = DicomJsonReader.ParseArray("""[{"00100020": {"vr": "LO", "Value": ["A"]}}, {"00100020": {"vr": "LO", "Value": ["B"]}}]""");
        Assert.Equal(["A", "B"], list.Select(d => d.GetString(T(0x00100020))));
    }

    [Theory]
    [InlineData("""{"00100010": {"vr": "PN", "Value": [42]}}""", "$.00100010.Value[0]", "found a number")]
    [InlineData("""{"0010001": {"vr": "PN"}}""", "$.0010001", "not a tag")]
    [InlineData("""{"00100010": {"Value": []}}""", "$.00100010", "missing \"vr\"")]
    [InlineData("""{"00100010": {"vr": "XX"}}""", "$.00100010.vr", "not a VR")]
    [InlineData("""{"00280010": {"vr": "US", "Value": [70000]}}""", "$.00280010.Value[0]", "out of range")]
    [InlineData("""{"00209165": {"vr": "AT", "Value": ["0010,0010"]}}""", "$.00209165.Value[0]", "8 hexadecimal digits")]
    [InlineData("""{"00420011": {"vr": "OB", "InlineBinary": "@@"}}""", "$.00420011.InlineBinary", "base64")]
    [InlineData("""{"00420011": {"vr": "OB", "Value": [1]}}""", "$.00420011.Value", "InlineBinary")]
    [InlineData("""{"00081140": {"vr": "SQ", "Value": [{"00081150": {"vr": "UI", "Value": [1]}}]}}""", "$.00081140.Value[0].00081150.Value[0]", "a string")]
    [InlineData("""{"00100010": {"vr": "PN", "Value": [{"Given": "x"}]}}""", "$.00100010.Value[0].Given", "person name group")]
    [InlineData("""{"00100010": {"vr": "LO", "Value": ["a"], "InlineBinary": "AA=="}}""", "$.00100010", "only one of")]
    [InlineData("""[1]""", "$", "expected a data set object")]
    public void Errors_name_the_JSON_path_and_the_problem(string json, string path, string message)
    {
        var ex = Assert.Throws<DicomJsonException>(() => DicomJsonReader.Parse(json));
        Assert.Equal(path, ex.Path);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_JSON_is_a_DicomJsonException()
    {
        var ex = Assert.Throws<DicomJsonException>(() => DicomJsonReader.Parse("{\"00100010\": "));
        Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
    }
}
