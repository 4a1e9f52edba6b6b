using Ricord.Annotation.Agreement;
using Ricord.Synth;

namespace Ricord.Tests.Annotation.Agreement;

/// <summary>
/// Segmentation agreement against the synth CT reader model: a reader with accuracy 1 draws the ground
/// truth's polygons (Dice 1 against the truth mask that <see cref="MaskRleWriter"/> writes); less accurate
/// readers scale, shift and skip slices, so Dice falls below 1; the truth volume approximates the ellipsoid's.
/// </summary>
public sealed class SynthSegmentationAgreementTests
{
    private const ulong Seed = 99;
    private const string Label = "Infectious opacity";
    private static readonly CtGeometry Geometry = new(true, 0.7, 0.7, -179, -179, -100, 2.5, [.. Enumerable.Range(0, 80).Select(k => -100 - (k * 2.5))]);
    private static readonly CtFinding Finding = new("GGO", Label, 100, 0, -200, 14, 20, 20, -500, -600, -400);

    private static readonly StudyPlan Study = new("1.2.3", "A1", "1", new DateTime(2020, 4, 1), "CT", "", "", "", "", "", 1, "Typical", null, 0, [Finding], [], []);

    private static MaskVolume Truth()
    {
        var b = new MaskVolumeBuilder(CtGeometry.Size, CtGeometry.Size, Geometry.Positions.Count);
        for (int k = 0; k < Geometry.Positions.Count; k++)
        {
            if (Finding.CrossSection(Geometry, Geometry.Positions[k], 1, 0, 0, out var xs, out var ys))
            {
                b.AddPolygon(k, xs, ys);
            }
        }

        return b.Build();
    }

    private static MaskVolume Reader(int reader, double p)
    {
        var b = new MaskVolumeBuilder(CtGeometry.Size, CtGeometry.Size, Geometry.Positions.Count);
        foreach (var poly in CtReaderSimulation.Polygons(Seed, Study, Geometry, reader, p))
        {
            if (poly.Xs is not null)
            {
                b.AddPolygon(poly.Slice, poly.Xs, poly.Ys!);
            }
        }

        return b.Build();
    }

    [Fact]
    public void Truth_mask_matches_the_synth_rle_file_and_the_ellipsoid_volume()
    {
        var truth = Truth();
        string path = Path.Combine(Path.GetTempPath(), $"ricord-agreement-{Guid.NewGuid():N}.rle");
        try
        {
            long voxels = MaskRleWriter.Write(path, Geometry, [Finding], Label);
            Assert.Equal(voxels, truth.VoxelCount);
            foreach (var (slice, mask) in MaskRleWriter.Read(path))
            {
                Assert.Equal(mask, truth.ToSliceMask(slice));
            }
        }
        finally
        {
            File.Delete(path);
        }

        var g = VoxelGeometry.FromPositions(Geometry.Spacing, Geometry.Spacing, Geometry.Positions, Geometry.Thickness);
        double ellipsoidMl = 4.0 / 3 * Math.PI * 14 * 20 * 20 / 1000;
        Assert.InRange(g.VolumeMl(truth.VoxelCount), ellipsoidMl * 0.97, ellipsoidMl * 1.03);
    }

    [Fact]
    public void Perfect_reader_has_dice_one_and_imperfect_readers_less()
    {
        var truth = Truth();
        var g = new VoxelGeometry(0.7, 0.7, 2.5);
        var perfect = MaskOverlap.Of("truth", truth, "reader", Reader(0, 1.0), g);
        Assert.Equal(1.0, perfect.Dice);
        Assert.Equal(0, perfect.VolumeDifferenceMl);

        var readers = Enumerable.Range(0, 3).Select(r => new ReaderMask($"reader{r}", Reader(r, 0.7))).ToList();
        var agreement = SegmentationAgreementCalculator.Compute("1.2.3", Label, readers, g);
        Assert.All(agreement.Pairs, o => Assert.InRange(o.Dice, 0.3, 0.999));
        Assert.All(agreement.Pairs, o => Assert.True(o.Iou < o.Dice));
        Assert.All(readers, r => Assert.InRange(MaskOverlap.Of("truth", truth, r.Reader, r.Mask, g).Dice, 0.5, 0.999));

        // The strict-majority consensus lies within the union of readers and contains their common part.
        var consensus = MaskVolume.Majority([.. readers.Select(r => r.Mask)]);
        long common = readers[0].Mask.IntersectionCount(readers[1].Mask);
        Assert.True(consensus.IntersectionCount(readers[0].Mask) >= readers[0].Mask.IntersectionCount(MaskVolume.Majority([readers[0].Mask, readers[1].Mask])));
        Assert.True(consensus.VoxelCount >= MaskVolume.Majority([readers[0].Mask, readers[1].Mask]).IntersectionCount(readers[2].Mask));
        Assert.True(common > 0);
    }
}
