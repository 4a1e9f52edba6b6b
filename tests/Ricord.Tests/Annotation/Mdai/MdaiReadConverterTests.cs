using Ricord.Annotation.Mdai;
using Ricord.Annotation.Reads;

namespace Ricord.Tests.Annotation.Mdai;

public sealed class MdaiReadConverterTests
{
    private const string Export = """
        {
          "labelGroups": [
            { "id": "G_1", "name": "Reader Group 1", "labels": [
              { "id": "L_1t", "name": "typical   appearance", "scope": "STUDY", "annotationMode": null },
              { "id": "L_1m", "name": "Mild Opacities  (1-2 lung zones)", "scope": "STUDY" },
              { "id": "L_1x", "name": "Something new", "scope": "STUDY" } ]},
            { "id": "G_2", "name": "Reader Group 2", "labels": [
              { "id": "L_2n", "name": "Negative for Pneumonia", "scope": "STUDY" },
              { "id": "L_2a", "name": "Atypical Appearance", "scope": "STUDY" } ]},
            { "id": "G_A", "name": "Adjudication", "labels": [ { "id": "L_At", "name": "Typical Appearance", "scope": "STUDY" } ]},
            { "id": "G_D", "name": "Default group", "labels": [ { "id": "L_Dt", "name": "Typical Appearance", "scope": "STUDY" } ]}
          ],
          "datasets": [
            { "id": "D_1", "name": "a", "studies": [], "annotations": [
              { "id": "A_1", "labelId": "L_1t", "StudyInstanceUID": "S1", "createdById": "U_x", "data": null },
              { "id": "A_2", "labelId": "L_1m", "StudyInstanceUID": "S1", "createdById": "U_x", "data": null },
              { "id": "A_3", "labelId": "L_2n", "StudyInstanceUID": "S1", "createdById": "U_y", "data": null },
              { "id": "A_4", "labelId": "L_1x", "StudyInstanceUID": "S1", "createdById": "U_x", "data": null } ]},
            { "id": "D_2", "name": "b", "studies": [], "annotations": [
              { "id": "A_5", "labelId": "L_At", "StudyInstanceUID": "S1", "createdById": "U_z", "data": null },
              { "id": "A_6", "labelId": "L_Dt", "StudyInstanceUID": "S1", "createdById": "U_z", "data": null },
              { "id": "A_7", "labelId": "L_gone", "StudyInstanceUID": "S1", "createdById": "U_z", "data": null },
              { "id": "A_8", "labelId": "L_2a", "StudyInstanceUID": "S2", "createdById": "U_x", "data": null },
              { "id": "A_9", "labelId": "L_2n", "StudyInstanceUID": "S2", "createdById": "U_y", "data": null },
              { "id": "A_10", "labelId": "L_2a", "StudyInstanceUID": "S2", "createdById": "U_y", "data": null } ]}
          ]
        }
        """;

    [Fact]
    public void ReadsPerGroupWithAdjudicationDefaultGroupExcludedAndUnknownsReported()
    {
        var c = MdaiReadConverter.Convert(MdaiJsonReaderTests.Read(Export), TestSchemas.Cxr);
        Assert.Equal(
            ["S1 Reader Group 1 False: Appearance=Typical Appearance; Airspace Disease Grading=Mild Opacities  (1-2 lung zones)",
             "S1 Reader Group 2 False: Appearance=Negative for Pneumonia",
             "S1 Adjudication True: Appearance=Typical Appearance",
             "S2 Reader Group 2 False: Appearance=Atypical Appearance; Appearance=Negative for Pneumonia"],
            c.Reads.Select(Describe));
        Assert.Equal(1, c.ExcludedAnnotations);
        Assert.Equal([("L_1x", "Something new", "Reader Group 1", 1), ("L_gone", null, null, 1)],
            c.UnknownLabels.Select(u => (u.LabelId, u.RawName, u.MdaiGroup, u.Annotations)));
        Assert.Contains(c.Labels, m => m.RawName == "typical   appearance" && m.SchemaLabel == "Typical Appearance" && m.SchemaGroup == "Appearance");
        Assert.Contains(c.Warnings, w => w.Contains("S2", StringComparison.Ordinal) && w.Contains("single-choice", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadsPerCreatorWhenAsked()
    {
        var c = MdaiReadConverter.Convert(MdaiJsonReaderTests.Read(Export), TestSchemas.Cxr, new MdaiConversionOptions { ReaderKey = MdaiReaderKey.ByCreator, ExcludedGroups = [] });
        Assert.Equal(["S1 U_x False", "S1 U_y False", "S1 U_z False", "S1 U_z True", "S2 U_x False", "S2 U_y False"],
            c.Reads.Select(r => $"{r.StudyInstanceUid} {r.Reader} {r.IsAdjudication}").Order(StringComparer.Ordinal));
        Assert.Equal(0, c.ExcludedAnnotations);
    }

    [Fact]
    public void EveryDrawingKindBecomesAShapeAndNullDataIsSkippedByName()
    {
        var e = MdaiJsonReaderTests.Read(MdaiJsonReaderTests.Sample.Replace("\"StudyInstanceUID\": \"9\", \"data\"", "\"StudyInstanceUID\": \"9\", \"SeriesInstanceUID\": \"9.1\", \"SOPInstanceUID\": \"9.1.1\", \"data\"", StringComparison.Ordinal));
        var c = MdaiReadConverter.Convert(e, TestSchemas.Ct, new MdaiConversionOptions { ExcludedGroups = [], ImageSize = sop => sop == "9.1.1" ? (6, 8) : null });
        var shapes = c.Reads.SelectMany(r => r.Content.Shapes).ToList();
        Assert.Equal([ShapeKind.Polygon, ShapeKind.BoundingBox, ShapeKind.Mask, ShapeKind.Mask], shapes.Select(s => s.Kind));
        Assert.Equal((6, 8), (shapes[3].Rows, shapes[3].Columns));
        Assert.Equal((8, 10), (shapes[0].Rows, shapes[0].Columns));
        Assert.Equal([1.5, 2, 6, 2.25, 6, 6, 1, 6], shapes[0].Points!);
        Assert.Equal(["A_6", "A_7"], c.SkippedAnnotations);
        Assert.Contains(c.Warnings, w => w.Contains("A_6", StringComparison.Ordinal) && w.Contains("no data", StringComparison.Ordinal));
    }

    [Fact]
    public void MaskRingsFillForegroundThenClearBackgroundAndEllipsesRasterise()
    {
        const string json = """
            { "labelGroups": [ { "id": "G", "name": "T", "labels": [
                { "id": "L_m", "name": "Atelectasis", "scope": "INSTANCE", "annotationMode": "mask" },
                { "id": "L_e", "name": "Infectious cavity", "scope": "INSTANCE", "annotationMode": "ellipse" },
                { "id": "L_b", "name": "Infectious opacity", "scope": "INSTANCE", "annotationMode": "bbox" } ] } ],
              "datasets": [ { "id": "D", "name": "d", "studies": [], "annotations": [
                { "id": "A_m", "labelId": "L_m", "StudyInstanceUID": "S", "SeriesInstanceUID": "S.1", "SOPInstanceUID": "S.1.1", "height": 6, "width": 6,
                  "data": { "foreground": [[[0.5,0.5],[4.5,0.5],[4.5,4.5],[0.5,4.5]]], "background": [[[1.5,1.5],[3.5,1.5],[3.5,3.5],[1.5,3.5]]] } },
                { "id": "A_e", "labelId": "L_e", "StudyInstanceUID": "S", "SeriesInstanceUID": "S.1", "SOPInstanceUID": "S.1.1", "height": 6, "width": 6,
                  "data": { "cx": 2, "cy": 2, "rx": 1, "ry": 1 } },
                { "id": "A_b", "labelId": "L_b", "StudyInstanceUID": "S", "SeriesInstanceUID": "S.1", "SOPInstanceUID": "S.1.1",
                  "data": { "x": 1, "y": 2, "width": 3, "height": 4 } },
                { "id": "A_n", "labelId": "L_e", "StudyInstanceUID": "S", "SeriesInstanceUID": "S.1", "SOPInstanceUID": "S.1.1", "data": { "cx": 2, "cy": 2, "rx": 1, "ry": 1 } } ] } ] }
            """;
        var c = MdaiReadConverter.Convert(MdaiJsonReaderTests.Read(json), TestSchemas.Ct);
        var shapes = c.Reads.Single().Content.Shapes;
        var mask = new byte[36];
        MaskRuns.Paint(shapes[0].Runs!, mask);
        Assert.Equal(
            "......" + ".####." + ".#..#." + ".#..#." + ".####." + "......",
            string.Concat(mask.Select(b => b == 1 ? '#' : '.')));
        Array.Clear(mask);
        MaskRuns.Paint(shapes[1].Runs!, mask);
        Assert.Equal([8, 13, 14, 15, 20], Enumerable.Range(0, 36).Where(i => mask[i] == 1));
        Assert.Equal(ShapeKind.BoundingBox, shapes[2].Kind);
        Assert.Equal([1, 2, 3, 4], shapes[2].Points!);
        Assert.Equal(["A_n"], c.SkippedAnnotations);
    }

    internal static string Describe(MdaiRead r) =>
        $"{r.StudyInstanceUid} {r.Reader} {r.IsAdjudication}: {string.Join("; ", r.Content.Labels.Select(l => $"{l.Group}={l.Label}"))}";
}
