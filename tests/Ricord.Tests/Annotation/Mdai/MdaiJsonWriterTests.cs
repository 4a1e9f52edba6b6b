using System.Text.Json;
using Ricord.Annotation.Mdai;

namespace Ricord.Tests.Annotation.Mdai;

public sealed class MdaiJsonWriterTests
{
    [Fact]
    public void WriteThenReadGivesTheSameExport()
    {
        var e = MdaiJsonReaderTests.Read(MdaiJsonReaderTests.Sample);
        string once = MdaiJsonReaderTests.Write(e);
        string twice = MdaiJsonReaderTests.Write(MdaiJsonReaderTests.Read(once));
        Assert.Equal(once, twice);
        using var doc = JsonDocument.Parse(once);
        var a = doc.RootElement.GetProperty("datasets")[0].GetProperty("annotations")[0];
        foreach (var field in new[] { "id", "labelId", "StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID", "frameNumber", "data", "height", "width",
            "annotationNumber", "note", "radlexTagIds", "createdAt", "createdById", "updatedAt", "updatedById", "updateHistory", "reviews",
            "reviewsPositiveCount", "reviewsNegativeCount", "parentId", "isImported", "isInterpolated", "groupId", "machineLearningModelId" })
        {
            Assert.True(a.TryGetProperty(field, out _), field);
        }

        Assert.Equal(JsonValueKind.Null, a.GetProperty("data").ValueKind);
        Assert.Equal("demo", doc.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public void LabelStringsAreWrittenExactly()
    {
        var e = new MdaiExport([new MdaiLabelGroup("G_1", "Reader Group 1", [new MdaiLabel("L_1", "Severe Opacities (>4 lung zones)"), new MdaiLabel("L_2", "Mild Opacities  (1-2 lung zones)")])], []);
        string json = MdaiJsonReaderTests.Write(e);
        Assert.Contains("\"Severe Opacities (>4 lung zones)\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Mild Opacities  (1-2 lung zones)\"", json, StringComparison.Ordinal);
    }
}
