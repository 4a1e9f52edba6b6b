using Ricord.Annotation.Mdai;
using Ricord.Annotation.Reads;

namespace Ricord.Tests.Annotation.Mdai;

public sealed class MdaiExportBuilderTests
{
    [Fact]
    public void ReadsRoundTripThroughAnExportIncludingMasks()
    {
        var mask = new byte[7 * 9];
        foreach (int i in new[] { 0, 1, 2, 8, 9, 10, 11, 30, 31, 32, 62 })
        {
            mask[i] = 1;
        }

        var reads = new List<MdaiRead>
        {
            new("S1", "Team 1", false, new ReadContent(
                [new ReadLabel("Appearance", "Typical")],
                [new ReadShape("Segmentation", "Infectious opacity", "S1.1", "S1.1.1", 0, 7, 9, ShapeKind.Polygon, [1, 1, 5, 1.5, 4, 6]),
                 new ReadShape("Segmentation", "Atelectasis", "S1.1", "S1.1.2", 0, 7, 9, ShapeKind.Mask, Runs: MaskRuns.Encode(mask)),
                 new ReadShape("Segmentation", "Atelectasis", "S1.1", "S1.1.3", 0, 7, 9, ShapeKind.BoundingBox, [1, 2, 3, 4])])),
            new("S1", "Team 2", false, new ReadContent([new ReadLabel("Appearance", "Negative for pneumonia")], [])),
            new("S1", "Adjudication", true, new ReadContent([new ReadLabel("Appearance", "Typical")], [])),
        };

        var export = MdaiExportBuilder.Build(reads, TestSchemas.Ct);
        Assert.Equal(["Team 1", "Team 2", "Adjudication"], export.LabelGroups.Select(g => g.Name));
        Assert.All(export.LabelGroups, g => Assert.Equal(10, g.Labels.Count));
        Assert.All(export.Annotations.Where(a => a.SopInstanceUid is null), a => Assert.Null(a.Data));
        string json = MdaiJsonReaderTests.Write(export);
        var back = MdaiReadConverter.Convert(MdaiJsonReaderTests.Read(json), TestSchemas.Ct);
        Assert.Empty(back.UnknownLabels);
        Assert.Equal(Canonical(reads), Canonical(back.Reads));
        Assert.Equal(json, MdaiJsonReaderTests.Write(MdaiExportBuilder.Build(back.Reads, TestSchemas.Ct)));
    }

    internal static List<string> Canonical(IEnumerable<MdaiRead> reads) =>
        [.. reads.Select(r => $"{r.StudyInstanceUid}|{r.Reader}|{r.IsAdjudication}|"
            + string.Join(";", r.Content.Labels.Select(l => $"{l.Group}/{l.Label}/{l.SeriesInstanceUid}/{l.SopInstanceUid}"))
            + "|" + string.Join(";", r.Content.Shapes.Select(s => $"{s.Group}/{s.Label}/{s.SeriesInstanceUid}/{s.SopInstanceUid}/{s.Frame}/{s.Rows}x{s.Columns}/{s.Kind}/"
                + string.Join(",", s.Points ?? []) + "/" + string.Join(",", s.Kind == ShapeKind.Mask ? Normalised(s) : []))))
            .Order(StringComparer.Ordinal)];

    // A mask is compared by its pixels: runs that wrap rows come back split at row ends.
    private static int[] Normalised(ReadShape s)
    {
        var m = new byte[s.Rows * s.Columns];
        MaskRuns.Paint(s.Runs!, m);
        return MaskRuns.Encode(m);
    }
}
