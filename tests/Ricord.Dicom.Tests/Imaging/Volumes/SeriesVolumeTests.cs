using Ricord.Dicom.Imaging.Volumes;
using static Ricord.Dicom.Tests.Imaging.Volumes.SyntheticCtSeries;

namespace Ricord.Dicom.Tests.Imaging.Volumes;

public sealed class SeriesVolumeTests
{
    private static void AssertClose(Vector3 expected, Vector3 actual, double tolerance = 1e-6) =>
        Assert.True((expected - actual).Length < tolerance, $"expected {expected}, got {actual}");

    [Fact]
    public void ShuffledSeriesIsOrderedByPositionAlongTheNormal()
    {
        var volume = SeriesVolume.Assemble(Shuffled(Axial()));
        Assert.Equal(Enumerable.Range(0, 16).Select(k => Uid(k)), volume.SopInstanceUids);
        Assert.Empty(volume.Issues);
        Assert.Equal(1.25, volume.SliceSpacing, 9);
        Assert.Equal(new Vector3(0.7, 0.7, 1.25), volume.VoxelSize);
        Assert.Equal(-50, volume.SlicePositions[0], 9);
    }

    [Fact]
    public void NeverOrdersByInstanceNumber()
    {
        // Instance Number runs backwards (100 − marker); feet-first style descending z must still come out ascending.
        var volume = SeriesVolume.Assemble(Axial(count: 5, z0: 100, step: -2));
        Assert.Equal([Uid(4), Uid(3), Uid(2), Uid(1), Uid(0)], volume.SopInstanceUids);
        Assert.Equal(2, volume.SliceSpacing, 9);
    }

    [Fact]
    public void AffineMapsVoxelsToPatientPositions()
    {
        var volume = SeriesVolume.Assemble(Shuffled(Axial()));
        var a = volume.Affine;
        AssertClose(new Vector3(-2.45, -2.45, -50), a.Transform(0, 0, 0));
        AssertClose(new Vector3(-2.45 + (3 * 0.7), -2.45 + (5 * 0.7), -50 + (7 * 1.25)), a.Transform(3, 5, 7));
        for (int k = 0; k < volume.Slices.Count; k++)
        {
            AssertClose(volume.Slices[k].Position, a.Transform(0, 0, k));
        }

        var ras = a.ToRasMatrix();
        Assert.Equal(2.45, ras[0, 3], 9);
        Assert.Equal(-0.7, ras[0, 0], 9);
        Assert.Equal(1.25, ras[2, 2], 9);
    }

    [Fact]
    public void ObliqueOrientationAffineFollowsTheCosines()
    {
        double c = Math.Cos(Math.PI / 6), s = Math.Sin(Math.PI / 6);
        var row = new Vector3(c, s, 0);
        var column = new Vector3(0, 0, -1); // coronal-ish oblique
        var normal = row.Cross(column);
        var slices = Enumerable.Range(0, 6).Select(k => Slice(k, new Vector3(10, 20, 30) + (normal * (k * 2.0)), row, column)).ToList();
        var volume = SeriesVolume.Assemble(Shuffled(slices));
        Assert.Empty(volume.Issues);
        AssertClose(new Vector3(10, 20, 30) + (row * (0.7 * 2)) + (column * (0.7 * 3)) + (normal * 8), volume.Affine.Transform(2, 3, 4));
    }

    [Fact]
    public void DuplicateIsReportedAndOneKept()
    {
        var slices = Axial();
        var copy = Slice(5, new Vector3(-2.45, -2.45, -50 + (5 * 1.25)), acquisition: 1);
        copy.SetString(new DicomTag(0x0008, 0x0018), DicomVR.UI, Uid(5) + ".99");
        copy.SetIntegerString(new DicomTag(0x0020, 0x0013), 1000);
        slices.Add(copy);
        var volume = SeriesVolume.Assemble(Shuffled(slices));
        Assert.Equal(16, volume.Slices.Count);
        var issue = Assert.Single(volume.Issues);
        Assert.Equal(VolumeIssueKind.Duplicate, issue.Kind);
        Assert.Equal([Uid(5) + ".99"], issue.SopInstanceUids);
        Assert.Contains(Uid(5), volume.SopInstanceUids);
    }

    [Fact]
    public void GapIsReportedWithTheMissingCount()
    {
        var slices = Axial().Where((_, k) => k is not (7 or 8)).ToList();
        var volume = SeriesVolume.Assemble(Shuffled(slices));
        var gap = Assert.Single(volume.Issues);
        Assert.Equal(VolumeIssueKind.Gap, gap.Kind);
        Assert.Equal(3.75, gap.Value!.Value, 9);
        Assert.Equal([Uid(6), Uid(9)], gap.SopInstanceUids);
        Assert.Contains("about 2 slice(s) missing", gap.Message, StringComparison.Ordinal);
        Assert.Equal(1.25, volume.SliceSpacing, 9);
    }

    [Fact]
    public void UnevenSpacingIsReported()
    {
        var slices = Enumerable.Range(0, 10).Select(k => Slice(k, new Vector3(0, 0, (k * 1.0) + (k >= 5 ? 0.2 : 0)))).ToList();
        var volume = SeriesVolume.Assemble(Shuffled(slices));
        var issue = Assert.Single(volume.Issues);
        Assert.Equal(VolumeIssueKind.UnevenSpacing, issue.Kind);
        Assert.Equal([Uid(5)], issue.SopInstanceUids);
    }

    [Fact]
    public void GantryTiltIsReportedWithItsAngle()
    {
        // Orientation rotated 15° about x; positions still step along z, so they are off the normal by 15°.
        double t = 15 * Math.PI / 180;
        var row = new Vector3(1, 0, 0);
        var column = new Vector3(0, Math.Cos(t), -Math.Sin(t));
        var slices = Enumerable.Range(0, 12).Select(k => Slice(k, new Vector3(0, 0, k * 1.25), row, column)).ToList();
        var volume = SeriesVolume.Assemble(Shuffled(slices));
        var tilt = Assert.Single(volume.Issues);
        Assert.Equal(VolumeIssueKind.GantryTilt, tilt.Kind);
        Assert.Equal(15, tilt.Value!.Value, 6);
        Assert.Equal(1.25 * Math.Cos(t), volume.SliceSpacing, 9);
        for (int k = 0; k < 12; k++)
        {
            AssertClose(new Vector3(0, 0, k * 1.25), volume.Affine.Transform(0, 0, k));
        }
    }

    [Fact]
    public void MixedSizesKeepTheLargestStack()
    {
        var slices = Axial(count: 10);
        slices.Add(Slice(50, new Vector3(0, 0, 0), rows: 16, columns: 16));
        slices.Add(Slice(51, new Vector3(0, 0, 1), rows: 16, columns: 16));
        var volume = SeriesVolume.Assemble(Shuffled(slices));
        Assert.Equal(10, volume.Slices.Count);
        Assert.True(volume.Has(VolumeIssueKind.MixedSize));
        Assert.True(volume.Has(VolumeIssueKind.MultipleStacks));
        Assert.False(volume.Has(VolumeIssueKind.MixedOrientation));
        Assert.Equal([Uid(50), Uid(51)], volume.OtherStacks.Single().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void MixedOrientationSplitsOffTheReformat()
    {
        var slices = Axial(count: 10);
        slices.AddRange(Enumerable.Range(60, 4).Select(k => Slice(k, new Vector3(k, 0, 0), new Vector3(0, 1, 0), new Vector3(0, 0, -1))));
        var volume = SeriesVolume.Assemble(Shuffled(slices));
        Assert.Equal(10, volume.Slices.Count);
        Assert.True(volume.Has(VolumeIssueKind.MixedOrientation));
        Assert.Equal(4, volume.Issues.Single(i => i.Kind == VolumeIssueKind.MixedOrientation).SopInstanceUids.Count);
    }

    [Fact]
    public void TwoInterleavedAcquisitionsAreTwoStacksNotDuplicates()
    {
        var first = Enumerable.Range(0, 8).Select(k => Slice(k, new Vector3(0, 0, k * 2.0), acquisition: 1));
        var second = Enumerable.Range(0, 8).Select(k => Slice(k, new Vector3(0, 0, k * 2.0), acquisition: 2));
        var volume = SeriesVolume.Assemble(Shuffled(first.Concat(second)));
        var issue = Assert.Single(volume.Issues);
        Assert.Equal(VolumeIssueKind.MultipleStacks, issue.Kind);
        Assert.Equal(8, volume.Slices.Count);
        Assert.All(volume.SopInstanceUids, u => Assert.EndsWith(".1", u, StringComparison.Ordinal));
        Assert.Equal(8, volume.OtherStacks.Single().Count);
    }

    [Fact]
    public void MissingGeometryIsLeftOutAndReported()
    {
        var slices = Axial(count: 6);
        slices[0].Remove(new DicomTag(0x0020, 0x0032));
        var volume = SeriesVolume.Assemble(slices);
        Assert.Equal(5, volume.Slices.Count);
        var issue = Assert.Single(volume.Issues);
        Assert.Equal(VolumeIssueKind.MissingGeometry, issue.Kind);
        Assert.Equal([Uid(0)], issue.SopInstanceUids);
    }

    [Fact]
    public void NoGeometryAtAllThrows()
    {
        var slices = Axial(count: 2);
        slices.ForEach(s => s.Remove(new DicomTag(0x0020, 0x0037)));
        var e = Assert.Throws<VolumeException>(() => SeriesVolume.Assemble(slices));
        Assert.Contains("Image Orientation", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModalityValuesLoadInSliceOrder()
    {
        var volume = SeriesVolume.Assemble(Shuffled(Axial(count: 4)));
        var hu = volume.LoadModalityValues();
        var shorts = volume.LoadInt16();
        Assert.Equal(4 * 8 * 8, hu.Length);
        for (int k = 0; k < 4; k++)
        {
            for (int j = 0; j < 8; j++)
            {
                for (int i = 0; i < 8; i++)
                {
                    int index = i + (j * 8) + (k * 64);
                    Assert.Equal(Stored(k, i, j) - 1024, hu[index]);
                    Assert.Equal(Stored(k, i, j) - 1024, shorts[index]);
                }
            }
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FilesReadBackAssembleAndLoad(bool implicitVr)
    {
        string dir = Directory.CreateTempSubdirectory("ricord-volume-").FullName;
        try
        {
            var syntax = implicitVr ? DicomTransferSyntax.ImplicitVRLittleEndian : DicomTransferSyntax.ExplicitVRLittleEndian;
            foreach (var (ds, n) in Shuffled(Axial(count: 5)).Select((d, n) => (d, n)))
            {
                new DicomFile(ds, syntax).Save(Path.Combine(dir, $"{n}.dcm"), new DicomWriteOptions { TransferSyntax = syntax });
            }

            var files = Directory.EnumerateFiles(dir).Select(f => DicomFile.Open(f)).ToList();
            var volume = SeriesVolume.Assemble(files);
            Assert.Empty(volume.Issues);
            Assert.Equal(Enumerable.Range(0, 5).Select(k => Uid(k)), volume.SopInstanceUids);
            var hu = volume.LoadModalityValues();
            Assert.Equal(Stored(3, 2, 1) - 1024, hu[2 + 8 + (3 * 64)]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
