using System.Buffers.Binary;
using Ricord.Dicom.Imaging.Volumes;
using Ricord.Dicom.Tests.Peers;
using static Ricord.Dicom.Tests.Imaging.Volumes.SyntheticCtSeries;

namespace Ricord.Dicom.Tests.Imaging.Volumes;

/// <summary>dcm2niix as the oracle for the affine: the corners of its NIfTI volume (sform, RAS) are ours, converted to RAS.</summary>
public sealed class Dcm2niixGeometryTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CornersMatchDcm2niixSform(bool oblique)
    {
        string dir = Directory.CreateTempSubdirectory("ricord-dcm2niix-").FullName;
        try
        {
            var row = oblique ? new Vector3(Math.Cos(0.3), Math.Sin(0.3), 0) : new Vector3(1, 0, 0);
            var column = oblique ? new Vector3(-Math.Sin(0.3), Math.Cos(0.3), 0) : new Vector3(0, 1, 0);
            var normal = row.Cross(column);
            var slices = Enumerable.Range(0, 16).Select(k => Slice(k, new Vector3(-12.5, 30, -40) + (normal * (k * 1.5)), row, column)).ToList();
            string input = Directory.CreateDirectory(Path.Combine(dir, "in")).FullName;
            string output = Directory.CreateDirectory(Path.Combine(dir, "out")).FullName;
            foreach (var (ds, n) in Shuffled(slices).Select((d, n) => (d, n)))
            {
                new DicomFile(ds, DicomTransferSyntax.ExplicitVRLittleEndian).Save(Path.Combine(input, $"f{n:00}.dcm"));
            }

            var (code, stdout, stderr) = PeerTool.Run("dcm2niix", ["-z", "n", "-b", "n", "-f", "vol", "-o", output, input]);
            Assert.True(code == 0, stdout + stderr);
            var (dims, sform) = ReadNifti(Path.Combine(output, "vol.nii"));
            Assert.Equal([8, 8, 16], dims);

            var volume = SeriesVolume.Assemble(slices);
            var ours = Corners(volume.Affine.ToRasMatrix(), 8, 8, 16);
            var theirs = Corners(sform, dims[0], dims[1], dims[2]);
            foreach (var corner in ours)
            {
                Assert.True(theirs.Any(t => (t - corner).Length < 1e-3), $"our corner {corner} is not a corner of dcm2niix's volume: {string.Join(", ", theirs)}");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static List<Vector3> Corners(double[,] m, int nx, int ny, int nz)
    {
        var result = new List<Vector3>();
        foreach (int i in new[] { 0, nx - 1 })
        {
            foreach (int j in new[] { 0, ny - 1 })
            {
                foreach (int k in new[] { 0, nz - 1 })
                {
                    result.Add(new Vector3(
                        (m[0, 0] * i) + (m[0, 1] * j) + (m[0, 2] * k) + m[0, 3],
                        (m[1, 0] * i) + (m[1, 1] * j) + (m[1, 2] * k) + m[1, 3],
                        (m[2, 0] * i) + (m[2, 1] * j) + (m[2, 2] * k) + m[2, 3]));
                }
            }
        }

        return result;
    }

    // NIfTI-1 header: dim at 40 (int16 × 8), sform_code at 254, srow_x/y/z at 280/296/312 (float32 × 4).
    private static (int[] Dims, double[,] Sform) ReadNifti(string path)
    {
        var h = File.ReadAllBytes(path);
        Assert.Equal(348, BinaryPrimitives.ReadInt32LittleEndian(h));
        Assert.True(BinaryPrimitives.ReadInt16LittleEndian(h.AsSpan(254)) > 0, "dcm2niix wrote no sform");
        int[] dims = [.. Enumerable.Range(1, 3).Select(d => (int)BinaryPrimitives.ReadInt16LittleEndian(h.AsSpan(40 + (2 * d))))];
        var m = new double[4, 4];
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 4; c++)
            {
                m[r, c] = BinaryPrimitives.ReadSingleLittleEndian(h.AsSpan(280 + (16 * r) + (4 * c)));
            }
        }

        m[3, 3] = 1;
        return (dims, m);
    }
}
