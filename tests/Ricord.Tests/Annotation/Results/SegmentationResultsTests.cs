using Ricord.Annotation.Agreement;
using Ricord.Annotation.Projects;
using Ricord.Annotation.Reads;
using Ricord.Annotation.Results;
using Ricord.Annotation.Schemas;
using Ricord.Catalog;
using Ricord.Storage;
using Ricord.Tests.Annotation.Projects;
using Ricord.Tests.Catalog;

namespace Ricord.Tests.Annotation.Results;

/// <summary>
/// Segmentation agreement on a real (tiny) CT series in a blob store: r1 draws columns 2–9 × rows 2–9 on slices 1
/// and 2 (128 voxels), r2 columns 6–13 × rows 2–9 on slices 1–3 (192 voxels), r3 nothing. By hand: overlap 4 × 8
/// × 2 = 64 voxels, Dice 2·64/320 = 0.4, IoU 64/256 = 0.25; a voxel is 0.5 × 0.5 × 2 mm = 0.0005 mL, so 0.064 mL,
/// 0.096 mL and a difference of −0.032 mL; the majority consensus (2 of 3) is the overlap, 0.032 mL.
/// </summary>
public sealed class SegmentationResultsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Dice_iou_and_volumes_match_the_hand_computed_overlap()
    {
        await using var f = await ReadingFixture.CreateAsync(CatalogProvider.Sqlite, radiographs: 0, cts: 0);
        string blobDir = Path.Combine(Path.GetTempPath(), $"ricord-results-blobs-{Guid.NewGuid():N}");
        try
        {
            var blobs = new FileSystemBlobStore(blobDir);
            await CtSeriesBlobs.AddAsync(f.Catalog.Catalog, blobs);
            await f.Schemas.ImportAsync(LabelSchemaJson.Serialize(ResultsData.TestSchema), "cur", None);
            await f.Projects.CreateProjectAsync(ResultsData.Curator, new ReadingProjectDefinition("seg", TestCatalog.Collection, ResultsData.Schema,
                ReadersPerStudy: 3, Readers: ResultsData.Readers, Modalities: ["CT"]), None);
            await SubmitAsync(f, "r1", Shapes(CtSeriesBlobs.Rectangle(2, 2, 9, 9), 1, 2));
            await SubmitAsync(f, "r2", Shapes(CtSeriesBlobs.Rectangle(6, 2, 13, 9), 1, 2, 3));
            await SubmitAsync(f, "r3", []);

            var progress = new Reports();
            var results = new ProjectResultsService(f.Options, blobs);
            var agreement = await results.GetAgreementAsync(ResultsData.Curator, "seg", new AgreementOptions(0), segmentation: true, progress, None);
            Assert.Empty(agreement.Issues);
            var seg = Assert.Single(agreement.Report.Segmentations);
            Assert.Equal((CtSeriesBlobs.Study, "Opacity"), (seg.Study, seg.Label));
            Assert.Equal(new VoxelGeometry(0.5, 0.5, 2.0), seg.Geometry);
            Assert.Equal(new long[] { 128, 192, 0 }, seg.Readers.Select(r => r.Voxels));
            Assert.Equal(new[] { 0.064, 0.096, 0 }, seg.Readers.Select(r => Math.Round(r.VolumeMl, 12)));
            var r1r2 = seg.Pairs.Single(p => p is { ReaderA: "r1", ReaderB: "r2" });
            Assert.Equal((64L, 0.4, 0.25), (r1r2.IntersectionVoxels, r1r2.Dice, r1r2.Iou));
            Assert.Equal(-0.032, r1r2.VolumeDifferenceMl, 12);
            Assert.All(seg.Pairs.Where(p => p.ReaderB == "r3"), p => Assert.Equal(0, p.Dice));
            Assert.Equal(64, seg.Consensus!.Voxels);
            Assert.Equal(0.032, seg.Consensus.VolumeMl, 12);

            var mask = Assert.Single(agreement.ConsensusMasks);
            Assert.Equal(Enumerable.Range(0, CtSeriesBlobs.Slices).Select(CtSeriesBlobs.SopAtSlice), mask.SopInstanceUids);
            Assert.Equal(new long[] { 0, 32, 32, 0 }, Enumerable.Range(0, CtSeriesBlobs.Slices).Select(k => (long)mask.Mask.ToSliceMask(k).Count(b => b != 0)));
            Assert.Equal(new SegmentationProgress(1, 1), progress.Last);

            // Without --segmentation no shapes are read; the label groups are the same.
            var labels = await results.GetAgreementAsync(ResultsData.Curator, "seg", new AgreementOptions(0), segmentation: false, null, None);
            Assert.Empty(labels.Report.Segmentations);
            Assert.Equal(agreement.Report.Labels.Count, labels.Report.Labels.Count);
        }
        finally
        {
            if (Directory.Exists(blobDir))
            {
                Directory.Delete(blobDir, recursive: true);
            }
        }
    }

    private static ReadShape[] Shapes(double[] polygon, params int[] slices) =>
        [.. slices.Select(k => new ReadShape("Lesion", "Opacity", CtSeriesBlobs.Series, CtSeriesBlobs.SopAtSlice(k), 0, CtSeriesBlobs.Size, CtSeriesBlobs.Size, ShapeKind.Polygon, polygon))];

    private static async Task SubmitAsync(ReadingFixture f, string reader, ReadShape[] shapes)
    {
        var actor = new ReadingActor(reader, ReadingRole.Reader);
        var w = Assert.Single(await f.Reading.GetWorklistAsync(actor, "seg", None));
        await f.Reading.SubmitAsync(actor, w.ReadId, w.Version, new ReadContent([new ReadLabel("Appearance", "Typical")], shapes), None);
    }

    /// <summary>Keeps the last report, synchronously (Progress&lt;T&gt; would post it later).</summary>
    private sealed class Reports : IProgress<SegmentationProgress>
    {
        public SegmentationProgress Last { get; private set; }

        public void Report(SegmentationProgress value) => Last = value;
    }
}
