using System.Buffers.Binary;

namespace Ricord.Cli.Tests.Release;

/// <summary>A single-file NIfTI-1 read independently of the code under test: dims, data type, scaling, sform, voxels.</summary>
internal sealed record NiftiFile(int[] Dims, short DataType, double Slope, double Intercept, double[,] Sform, int[] Voxels, short Intent)
{
    public static NiftiFile Read(string path)
    {
        var b = File.ReadAllBytes(path);
        if (path.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var gz = new System.IO.Compression.GZipStream(new MemoryStream(b), System.IO.Compression.CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gz.CopyTo(plain);
            b = plain.ToArray();
        }

        Assert.Equal(348, BinaryPrimitives.ReadInt32LittleEndian(b));
        int[] dims = [.. Enumerable.Range(1, 3).Select(d => (int)BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(40 + (2 * d))))];
        short type = BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(70));
        int offset = (int)BinaryPrimitives.ReadSingleLittleEndian(b.AsSpan(108));
        var sform = new double[3, 4];
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 4; c++)
            {
                sform[r, c] = BinaryPrimitives.ReadSingleLittleEndian(b.AsSpan(280 + (16 * r) + (4 * c)));
            }
        }

        int n = dims[0] * dims[1] * dims[2];
        var voxels = new int[n];
        for (int v = 0; v < n; v++)
        {
            voxels[v] = type switch
            {
                2 => b[offset + v],
                4 => BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(offset + (2 * v))),
                512 => BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(offset + (2 * v))),
                _ => throw new InvalidDataException($"datatype {type}"),
            };
        }

        return new NiftiFile(dims, type, BinaryPrimitives.ReadSingleLittleEndian(b.AsSpan(112)), BinaryPrimitives.ReadSingleLittleEndian(b.AsSpan(116)),
            sform, voxels, BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(68)));
    }

    public double MaxSformDifference(NiftiFile other)
    {
        double max = 0;
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 4; c++)
            {
                max = Math.Max(max, Math.Abs(Sform[r, c] - other.Sform[r, c]));
            }
        }

        return max;
    }
}
