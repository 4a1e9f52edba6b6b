using System.Text;
using Ricord.Annotation.Mdai;

namespace Ricord.Tests.Annotation.Mdai;

public sealed class MdaiJsonReaderTests
{
    internal const string Sample = """
        {
          "id": "P_abc", "name": "demo", "futureField": {"nested": [1, 2, {"x": null}]},
          "labelGroups": [
            { "id": "G_1", "name": "Reader Group 1", "type": "PROJECT", "extra": true, "labels": [
              { "id": "L_typ", "name": "Typical Appearance", "description": "d", "color": "#FF0000", "annotationMode": null,
                "scope": "STUDY", "type": "GLOBAL", "radlexTagIds": ["RID1"], "parentId": null, "unknown": 1 },
              { "id": "L_poly", "name": "Infectious opacity", "color": "#00FF00", "annotationMode": "freeform", "scope": "INSTANCE", "type": "LOCAL", "radlexTagIds": [], "parentId": "L_typ" }
            ]},
            { "id": "G_2", "name": "Default group", "labels": [ { "id": "L_def", "name": "Typical Appearance", "scope": "STUDY" } ] }
          ],
          "datasets": [
            { "id": "D_1", "name": "one", "studies": [ {"StudyInstanceUID": "1.2.3", "number": 1, "SeriesNumber": 2} ],
              "annotations": [
                { "id": "A_1", "labelId": "L_typ", "StudyInstanceUID": "1.2.3", "SeriesInstanceUID": null, "SOPInstanceUID": null,
                  "frameNumber": null, "data": null, "height": null, "width": null, "annotationNumber": 7, "note": "n",
                  "radlexTagIds": [], "createdAt": "2021-01-08T16:41:02.000Z", "createdById": "U_a", "updatedAt": "2021-01-09T00:00:00.000Z",
                  "updatedById": "U_b", "updateHistory": [{"at": 1}], "reviews": [], "reviewsPositiveCount": 2, "reviewsNegativeCount": 0,
                  "parentId": null, "isImported": false, "isInterpolated": true, "groupId": "G_1", "machineLearningModelId": null, "surprise": [[[]]] },
                { "id": "A_2", "labelId": "L_poly", "StudyInstanceUID": "1.2.3", "SeriesInstanceUID": "1.2.3.4", "SOPInstanceUID": "1.2.3.4.5",
                  "frameNumber": 0, "height": 8, "width": 10, "data": {"vertices": [[1.5, 2], [6, 2.25], [6, 6, 0], [1e0, 6]]} }
              ]},
            { "id": "D_2", "name": "two", "type": "DICOM", "studies": [], "annotations": [
                { "id": "A_3", "labelId": "L_poly", "StudyInstanceUID": "9", "SeriesInstanceUID": "9.1", "SOPInstanceUID": "9.1.1", "data": {"x": 1, "y": 2, "width": 3, "height": 4} },
                { "id": "A_4", "labelId": "L_poly", "StudyInstanceUID": "9", "data": {"cx": 5, "cy": 5, "rx": 2, "ry": 1.5} },
                { "id": "A_5", "labelId": "L_poly", "StudyInstanceUID": "9", "data": {"foreground": [[[0,0],[4,0],[4,4],[0,4]]], "background": [[[1,1],[2,1],[2,2]]]} },
                { "id": "A_6", "labelId": "L_poly", "StudyInstanceUID": "9", "data": {"vertices": null} },
                { "id": "A_7", "labelId": "L_poly", "StudyInstanceUID": "9", "data": {"x": 3, "y": 4} }
            ]}
          ]
        }
        """;

    [Fact]
    public void ReadsEveryFieldOfEveryDataset()
    {
        var e = Read(Sample);
        Assert.Equal(2, e.LabelGroups.Count);
        Assert.Equal(2, e.Datasets.Count);
        Assert.Equal(7, e.Annotations.Count());
        Assert.Equal(["id", "name", "futureField"], e.Properties.Select(p => p.Key));
        Assert.Equal("{\"nested\":[1,2,{\"x\":null}]}", e.Properties[2].Value);

        var l = e.LabelGroups[0].Labels[0];
        Assert.Equal(("L_typ", "Typical Appearance", "d", "#FF0000", null, "STUDY", "GLOBAL", "RID1"), (l.Id, l.Name, l.Description, l.Color, l.AnnotationMode, l.Scope, l.Type, l.RadlexTagIds.Single()));
        Assert.Equal("L_typ", e.LabelGroups[0].Labels[1].ParentId);

        var a = e.Datasets[0].Annotations[0];
        Assert.Equal(("A_1", "L_typ", "1.2.3", null, null, null), (a.Id, a.LabelId, a.StudyInstanceUid, a.SeriesInstanceUid, a.SopInstanceUid, a.Data));
        Assert.Equal((7, "n", "2021-01-08T16:41:02.000Z", "U_a", "2021-01-09T00:00:00.000Z", "U_b"), (a.AnnotationNumber, a.Note, a.CreatedAt, a.CreatedById, a.UpdatedAt, a.UpdatedById));
        Assert.Equal(("[{\"at\":1}]", "[]", 2, 0, false, true, "G_1"), (a.UpdateHistory, a.Reviews, a.ReviewsPositiveCount, a.ReviewsNegativeCount, a.IsImported, a.IsInterpolated, a.GroupId));

        var poly = e.Datasets[0].Annotations[1];
        Assert.Equal((0, 8, 10), (poly.FrameNumber, poly.Height, poly.Width));
        Assert.Equal([1.5, 2, 6, 2.25, 6, 6, 1, 6], poly.Data!.Vertices!);

        var d2 = e.Datasets[1].Annotations;
        Assert.Equal((1.0, 2.0, 3.0, 4.0), (d2[0].Data!.X, d2[0].Data!.Y, d2[0].Data!.Width, d2[0].Data!.Height));
        Assert.Equal((5.0, 5.0, 2.0, 1.5), (d2[1].Data!.Cx, d2[1].Data!.Cy, d2[1].Data!.Rx, d2[1].Data!.Ry));
        Assert.Equal([0, 0, 4, 0, 4, 4, 0, 4], d2[2].Data!.Foreground!.Single());
        Assert.Equal([1, 1, 2, 1, 2, 2], d2[2].Data!.Background!.Single());
        Assert.True(d2[3].Data!.IsEmpty);
        Assert.Equal((3.0, 4.0, null), (d2[4].Data!.X, d2[4].Data!.Y, d2[4].Data!.Width));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    public void SmallBuffersAndTrickleStreamsGiveTheSameResult(int chunk)
    {
        var bytes = Encoding.UTF8.GetBytes(Sample);
        var whole = MdaiJsonReader.Read(new MemoryStream(bytes));
        var trickled = MdaiJsonReader.Read(new TrickleStream(bytes, chunk), null, 16, default);
        Assert.Equal(Write(whole), Write(trickled));
    }

    [Fact]
    public void MalformedJsonSaysWhere()
    {
        var ex = Assert.Throws<MdaiFormatException>(() => Read("{\n  \"labelGroups\": [\n    {\"id\": \"G\", \"name\": x}\n  ]\n}"));
        Assert.Equal(3, ex.Line);
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.BytePositionInLine > 1);

        var truncated = Assert.Throws<MdaiFormatException>(() => Read(Sample[..(Sample.Length / 2)]));
        Assert.True(truncated.Line > 1);

        var shape = Assert.Throws<MdaiFormatException>(() => Read("{\"labelGroups\": {\"id\": 1}}"));
        Assert.Contains("array", shape.Message, StringComparison.Ordinal);
        Assert.Equal(1, shape.Line);

        var field = Assert.Throws<MdaiFormatException>(() => Read("{\"labelGroups\": [{\"id\": \"G\", \"name\": {}}]}"));
        Assert.Contains("after property 'name'", field.Message, StringComparison.Ordinal);

        Assert.Throws<MdaiFormatException>(() => Read("[]"));
        Assert.Throws<MdaiFormatException>(() => Read("{}"));
        Assert.Throws<MdaiFormatException>(() => Read(""));
        Assert.Throws<MdaiFormatException>(() => Read("{\"datasets\": []} {}"));
        Assert.Throws<MdaiFormatException>(() => Read("{\"datasets\": [{\"annotations\": [{\"data\": {\"vertices\": [[1]]}}]}]}"));
    }

    [Fact]
    public void FuzzedInputEitherParsesOrFailsWithAFormatError()
    {
        var bytes = Encoding.UTF8.GetBytes(Sample);
        var random = new Random(1234);
        for (int n = 0; n < 1500; n++)
        {
            var b = (byte[])bytes.Clone();
            int edits = 1 + random.Next(4);
            for (int i = 0; i < edits; i++)
            {
                int at = random.Next(b.Length);
                b[at] = (byte)"{}[],:\"0 -enx\\"[random.Next(14)];
            }

            int length = random.Next(4) == 0 ? random.Next(b.Length) : b.Length;
            try
            {
                MdaiJsonReader.Read(new MemoryStream(b, 0, length), null, 32, default);
            }
            catch (MdaiFormatException)
            {
            }
        }
    }

    [Fact]
    public void DeepNestingInUnknownFieldsIsAnErrorNotACrash()
    {
        string deep = "{\"x\": " + new string('[', 10_000) + new string(']', 10_000) + ", \"datasets\": []}";
        Assert.Throws<MdaiFormatException>(() => Read(deep));
    }

    internal static MdaiExport Read(string json) => MdaiJsonReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    internal static string Write(MdaiExport e)
    {
        var ms = new MemoryStream();
        MdaiJsonWriter.Write(e, ms);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>Returns at most <c>chunk</c> bytes per read, as a network stream may.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }
}
