using System.Text.Json;

namespace Ricord.Dicom.Tests.Json;

public sealed class DicomJsonRoundTripTests
{
    [Theory]
    [InlineData(DicomJsonNumberStyle.Number, false)]
    [InlineData(DicomJsonNumberStyle.String, true)]
    public void Every_VR_survives_dataset_to_json_to_dataset(DicomJsonNumberStyle style, bool indented)
    {
        var original = JsonTestData.EveryVR();
        string json = DicomJsonWriter.ToJson(original, new DicomJsonWriterOptions { NumberStyle = style, Indented = indented });
        var back = DicomJsonReader.Parse(json);
        Assert.Null(JsonTestData.Difference(original, back));
    }

    [Fact]
    public void Json_to_dataset_to_json_is_stable()
    {
        string json = DicomJsonWriter.ToJson(JsonTestData.EveryVR());
        string again = DicomJsonWriter.ToJson(DicomJsonReader.Parse(json));
        Assert.Equal(json, again);
    }

    [Fact]
    public void Three_levels_of_sequences_nest_as_arrays_of_objects()
    {
        var ds = new DicomDataset();
        ds.Set(JsonTestData.Text(0x00080005, DicomVR.CS, "ISO_IR 192"));
        ds.Set(JsonTestData.Nested(3));
        using var doc = JsonDocument.Parse(DicomJsonWriter.ToJson(ds));
        var level3 = doc.RootElement.GetProperty("00081140").GetProperty("Value")[1]
            .GetProperty("00081140").GetProperty("Value")[0]
            .GetProperty("00081140").GetProperty("Value")[1];
        Assert.Equal("Level1^Item1", level3.GetProperty("00100010").GetProperty("Value")[0].GetProperty("Alphabetic").GetString());
        Assert.Equal("Ü", level3.GetProperty("00100010").GetProperty("Value")[0].GetProperty("Ideographic").GetString());
        Assert.Null(JsonTestData.Difference(ds, DicomJsonReader.Parse(doc.RootElement.GetRawText())));
    }

    public static TheoryData<string> PydicomFiles()
    {
        const string Root = "/usr/lib/python3/dist-packages/pydicom/data";
        Assert.True(Directory.Exists(Root), $"pydicom test files missing at {Root}; install python3-pydicom");
        var data = new TheoryData<string>();
        foreach (string f in Directory.EnumerateFiles(Path.Combine(Root, "test_files"), "*.dcm").Concat(Directory.EnumerateFiles(Path.Combine(Root, "charset_files"), "*.dcm")).Order())
        {
            data.Add(f);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PydicomFiles))]
    public void Pydicom_files_survive_the_round_trip(string path)
    {
        DicomFile file;
        try
        {
            file = DicomFile.Open(path);
        }
        catch (DicomFormatException)
        {
            return; // deliberately broken files are the reader's tests, not these
        }

        var back = DicomJsonReader.Parse(DicomJsonWriter.ToJson(file.Dataset, new DicomJsonWriterOptions { BulkDataThreshold = long.MaxValue }));
        var expected = file.Dataset.Clone();
        expected.RemoveAll(e => e is DicomFragmentSequence); // no inline form: written with no value, read back empty
        back.RemoveAll(e => e.Length == 0 && file.Dataset[e.Tag] is DicomFragmentSequence);
        Assert.Null(JsonTestData.Difference(expected, back));
    }
}
