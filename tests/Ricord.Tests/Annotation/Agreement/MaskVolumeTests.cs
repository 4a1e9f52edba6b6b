using Ricord.Annotation;
using Ricord.Annotation.Agreement;
using Ricord.Annotation.Reads;

namespace Ricord.Tests.Annotation.Agreement;

public sealed class MaskVolumeTests
{
    private static MaskVolume Rect(int rows, int cols, int slices, int slice, int r0, int r1, int c0, int c1)
    {
        var mask = new byte[rows * cols];
        for (int r = r0; r < r1; r++)
        {
            mask.AsSpan((r * cols) + c0, c1 - c0).Fill(1);
        }

        return new MaskVolumeBuilder(rows, cols, slices).AddMask(slice, mask).Build();
    }

    [Fact]
    public void Dice_and_iou_of_two_overlapping_squares()
    {
        // A: rows 0–9, B: rows 5–14, both columns 0–9 → |A| = |B| = 100, |A∩B| = 50, |A∪B| = 150.
        var a = Rect(20, 20, 3, 1, 0, 10, 0, 10);
        var b = Rect(20, 20, 3, 1, 5, 15, 0, 10);
        var o = MaskOverlap.Of("A", a, "B", b, new VoxelGeometry(1, 1, 1));
        Assert.Equal((100L, 100L, 50L), (o.VoxelsA, o.VoxelsB, o.IntersectionVoxels));
        Assert.Equal(0.5, o.Dice, 1e-12);
        Assert.Equal(1.0 / 3, o.Iou, 1e-12);
        Assert.Null(o.Note);
    }

    [Fact]
    public void Empty_masks_give_undefined_dice_and_one_empty_mask_gives_zero()
    {
        var empty = MaskVolume.Empty(8, 8, 2);
        var some = Rect(8, 8, 2, 0, 1, 3, 1, 3);
        var both = MaskOverlap.Of("A", empty, "B", empty, new VoxelGeometry(1, 1, 1));
        Assert.True(double.IsNaN(both.Dice) && double.IsNaN(both.Iou));
        Assert.Equal(MaskOverlap.BothEmptyReason, both.Note);
        var one = MaskOverlap.Of("A", empty, "B", some, new VoxelGeometry(1, 1, 1));
        Assert.Equal((0.0, 0.0), (one.Dice, one.Iou));
    }

    [Fact]
    public void Volume_uses_slice_spacing_from_positions_not_thickness()
    {
        // 0.7 × 0.7 mm pixels, slices every 2.5 mm (thickness 5 mm, overlapping): one voxel = 1.225 mm³.
        var g = VoxelGeometry.FromPositions(0.7, 0.7, [-10, -12.5, -5, -7.5, -15], sliceThickness: 5);
        Assert.Equal(2.5, g.SliceSpacing, 1e-12);
        var mask = Rect(100, 100, 5, 2, 0, 40, 0, 25); // 1000 voxels
        var a = MaskOverlap.Of("A", mask, "B", MaskVolume.Empty(100, 100, 5), g);
        Assert.Equal(1.225, a.VolumeAMl, 1e-12);
        Assert.Equal(1.225, a.VolumeDifferenceMl, 1e-12);
        Assert.Equal(5, VoxelGeometry.FromPositions(1, 1, [3.0], 5).SliceSpacing);
        Assert.Throws<ArgumentException>(() => VoxelGeometry.FromPositions(1, 1, [3.0]));
    }

    [Fact]
    public void Runs_round_trip_through_dense_masks_and_intersections_match_dense_counting()
    {
        var rng = new Random(12345);
        for (int trial = 0; trial < 50; trial++)
        {
            int rows = rng.Next(1, 20), cols = rng.Next(1, 20);
            var da = RandomMask(rng, rows * cols);
            var db = RandomMask(rng, rows * cols);
            var a = new MaskVolumeBuilder(rows, cols, 1).AddMask(0, da).Build();
            var b = new MaskVolumeBuilder(rows, cols, 1).AddMask(0, db).Build();
            Assert.Equal(da.Select(v => v != 0 ? (byte)1 : (byte)0), a.ToSliceMask(0));
            Assert.Equal(da.Count(v => v != 0), a.VoxelCount);
            Assert.Equal(Enumerable.Range(0, da.Length).Count(i => da[i] != 0 && db[i] != 0), a.IntersectionCount(b));
        }
    }

    [Fact]
    public void Runs_in_any_order_with_overlaps_become_canonical_and_bad_runs_are_rejected()
    {
        var m = new MaskVolumeBuilder(4, 4, 1).AddRuns(0, [10, 3, 0, 2, 1, 4, 13, 0]).Build();
        Assert.Equal([0, 5, 10, 3], m.RunsOf(0).ToArray());
        var twice = new MaskVolumeBuilder(4, 4, 1).AddRuns(0, [0, 2]).AddRuns(0, [2, 2]).Build();
        Assert.Equal([0, 4], twice.RunsOf(0).ToArray());
        Assert.Throws<ArgumentException>(() => new MaskVolumeBuilder(4, 4, 1).AddRuns(0, [15, 2]));
        Assert.Throws<ArgumentException>(() => new MaskVolumeBuilder(4, 4, 1).AddRuns(0, [1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MaskVolumeBuilder(4, 4, 1).AddRuns(1, [0, 1]));
    }

    [Fact]
    public void Polygons_rasterise_with_the_project_fill_rule()
    {
        double[] xs = [2.3, 40.7, 35.2, 5.5], ys = [3.1, 8.9, 44.4, 30.2];
        var m = new MaskVolumeBuilder(48, 50, 2).AddPolygon(1, xs, ys).Build();
        Assert.Equal(PolygonRasterizer.Rasterize(xs, ys, 48, 50), m.ToSliceMask(1));
        Assert.Equal(0, RunsCount(m, 0));

        // Two overlapping shapes on one slice are unioned.
        var two = new MaskVolumeBuilder(48, 50, 1).AddPolygon(0, xs, ys).AddPolygon(0, [30, 49, 49, 30], [30, 30, 47, 47]).Build();
        var dense = PolygonRasterizer.Rasterize(xs, ys, 48, 50);
        PolygonRasterizer.Fill([30, 49, 49, 30], [30, 30, 47, 47], 48, 50, dense);
        Assert.Equal(dense, two.ToSliceMask(0));
    }

    [Fact]
    public void Read_shapes_are_placed_by_sop_instance_uid()
    {
        string[] uids = ["1.2.3.1", "1.2.3.2", "1.2.3.3"];
        ReadShape[] shapes =
        [
            new("Seg", "Lesion", "1.2", "1.2.3.3", 0, 10, 10, ShapeKind.Mask, Runs: [0, 10]),
            new("Seg", "Lesion", "1.2", "1.2.3.1", 0, 10, 10, ShapeKind.Polygon, Points: [1, 1, 4, 1, 4, 4, 1, 4]),
            new("Seg", "Lesion", "1.2", "1.2.3.2", 0, 10, 10, ShapeKind.BoundingBox, Points: [0, 0, 2, 2]),
            new("Seg", "Lesion", "1.2", "1.2.3.2", 0, 10, 10, ShapeKind.Polygon),
        ];
        var m = new MaskVolumeBuilder(10, 10, 3).AddShapes(shapes, uids).Build();
        Assert.Equal([11, 3, 21, 3, 31, 3], m.RunsOf(0).ToArray());
        Assert.Equal([0, 2, 10, 2], m.RunsOf(1).ToArray());
        Assert.Equal([0, 10], m.RunsOf(2).ToArray());
        Assert.Throws<ArgumentException>(() => new MaskVolumeBuilder(10, 10, 3).AddShapes([shapes[0] with { SopInstanceUid = "9.9" }], uids));
    }

    [Fact]
    public void Majority_needs_more_than_half_of_the_readers()
    {
        // 1-D slice of 10 voxels: A = 0–5, B = 3–8, C = 5–9 (half-open).
        var a = Runs([0, 5]);
        var b = Runs([3, 5]);
        var c = Runs([5, 4]);
        Assert.Equal([3, 5], MaskVolume.Majority([a, b, c]).RunsOf(0).ToArray());

        // Two readers: a tie (one of two) is left out, so the consensus is the intersection.
        Assert.Equal([3, 2], MaskVolume.Majority([a, b]).RunsOf(0).ToArray());

        // Four readers need three; adjacent majority runs are merged.
        var d = Runs([0, 9]);
        Assert.Equal([3, 5], MaskVolume.Majority([a, b, c, d]).RunsOf(0).ToArray());
        Assert.Equal(a.RunsOf(0).ToArray(), MaskVolume.Majority([a]).RunsOf(0).ToArray());
        Assert.Throws<ArgumentException>(() => MaskVolume.Majority([a, MaskVolume.Empty(1, 10, 2)]));

        static MaskVolume Runs(int[] runs) => new MaskVolumeBuilder(1, 10, 1).AddRuns(0, runs).Build();
    }

    [Fact]
    public void Segmentation_agreement_has_pairs_consensus_and_a_summary_over_studies()
    {
        var g = new VoxelGeometry(1, 1, 1);
        var a = Rect(20, 20, 1, 0, 0, 10, 0, 10);
        var b = Rect(20, 20, 1, 0, 5, 15, 0, 10);
        var c = Rect(20, 20, 1, 0, 0, 10, 0, 10);
        var one = SegmentationAgreementCalculator.Compute("s1", "Lesion", [new("A", a), new("B", b), new("C", c)], g);
        Assert.Equal(3, one.Pairs.Count);
        Assert.Equal(100, one.Consensus!.Voxels);
        Assert.Equal(1.0, one.VersusConsensus.Single(p => p.ReaderA == "A").Dice);
        var empty = MaskVolume.Empty(20, 20, 1);
        var two = SegmentationAgreementCalculator.Compute("s2", "Lesion", [new("A", empty), new("B", empty), new("C", empty)], g);
        var summary = SegmentationAgreementCalculator.Summarize([one, two]).Single(s => s is { ReaderA: "A", ReaderB: "B" });
        Assert.Equal((2, 1), (summary.Studies, summary.DefinedStudies));
        Assert.Equal(0.5, summary.MeanDice, 1e-12);
        Assert.Equal(0.5, summary.PooledDice, 1e-12);
        Assert.Equal(0, summary.MeanVolumeDifferenceMl);
        Assert.Null(SegmentationAgreementCalculator.Compute("s3", "Lesion", [new("A", a)], g).Consensus);
    }

    private static int RunsCount(MaskVolume m, int slice) => m.RunsOf(slice).Length / 2;

    private static byte[] RandomMask(Random rng, int size)
    {
        var m = new byte[size];
        double density = rng.NextDouble();
        for (int i = 0; i < size; i++)
        {
            m[i] = rng.NextDouble() < density ? (byte)rng.Next(1, 256) : (byte)0;
        }

        return m;
    }
}
