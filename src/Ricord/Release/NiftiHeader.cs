using System.Buffers.Binary;
using System.Text;

namespace Ricord.Release;

/// <summary>
/// The NIfTI-1 single-file header (348 bytes, then 4 zero extension bytes, voxels from byte 352) as a release writes
/// it: dims (i, j, k), data type, scaling, the RAS sform and the matching qform (both code 1, scanner anatomical),
/// units mm and s (xyzt_units 10), as dcm2niix does. <see cref="Read"/> takes back what verify compares.
/// </summary>
public sealed record NiftiHeader(int[] Dims, NiftiDataType DataType, double[,] Sform, double SclSlope, double SclInter, bool IsLabelMap = false)
{
    public const int Size = 348;
    public const int VoxelOffset = 352;
    private const short IntentLabel = 1002;

    /// <summary>No patient coordinates (a radiograph): qform and sform codes 0 (unknown), as dcm2niix writes them; the
    /// voxel size is still in pixdim.</summary>
    public bool Unaligned { get; init; }

    public int BytesPerVoxel => DataType is NiftiDataType.UInt8 or NiftiDataType.Int8 ? 1 : 2;

    public long VoxelCount => (long)Dims[0] * Dims[1] * Dims[2];

    /// <summary>The 352 bytes before the voxels.</summary>
    public byte[] ToBytes()
    {
        var h = new byte[VoxelOffset];
        var s = h.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(s, Size);
        h[38] = (byte)'r';
        short[] dim = [3, (short)Dims[0], (short)Dims[1], (short)Dims[2], 1, 1, 1, 1];
        for (int d = 0; d < 8; d++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(s[(40 + (2 * d))..], dim[d]);
        }

        if (IsLabelMap)
        {
            BinaryPrimitives.WriteInt16LittleEndian(s[68..], IntentLabel);
            Encoding.ASCII.GetBytes("labels").CopyTo(s[328..]);
        }

        BinaryPrimitives.WriteInt16LittleEndian(s[70..], (short)DataType);
        BinaryPrimitives.WriteInt16LittleEndian(s[72..], (short)(BytesPerVoxel * 8));
        var (quaternion, offset, qfac) = Quaternion();
        float[] pixdim = [(float)qfac, (float)Column(0).Length, (float)Column(1).Length, (float)Column(2).Length, 0, 0, 0, 0];
        for (int d = 0; d < 8; d++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(s[(76 + (4 * d))..], pixdim[d]);
        }

        BinaryPrimitives.WriteSingleLittleEndian(s[108..], VoxelOffset);
        BinaryPrimitives.WriteSingleLittleEndian(s[112..], (float)SclSlope);
        BinaryPrimitives.WriteSingleLittleEndian(s[116..], (float)SclInter);
        h[123] = 10; // NIFTI_UNITS_MM | NIFTI_UNITS_SEC
        Encoding.ASCII.GetBytes(IsLabelMap ? "Ricord release label map" : "Ricord release").CopyTo(s[148..]);
        BinaryPrimitives.WriteInt16LittleEndian(s[252..], (short)(Unaligned ? 0 : 1));
        BinaryPrimitives.WriteInt16LittleEndian(s[254..], (short)(Unaligned ? 0 : 1));
        for (int q = 0; q < 3; q++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(s[(256 + (4 * q))..], (float)quaternion[q]);
            BinaryPrimitives.WriteSingleLittleEndian(s[(268 + (4 * q))..], (float)offset[q]);
        }

        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 4; c++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(s[(280 + (16 * r) + (4 * c))..], (float)Sform[r, c]);
            }
        }

        Encoding.ASCII.GetBytes("n+1\0").CopyTo(s[344..]);
        return h;
    }

    /// <summary>Reads the header fields a release sets; throws <see cref="InvalidDataException"/> for a file that is not single-file NIfTI-1.</summary>
    public static NiftiHeader Read(ReadOnlySpan<byte> h)
    {
        if (h.Length < Size || BinaryPrimitives.ReadInt32LittleEndian(h) != Size || !h[344..348].SequenceEqual("n+1\0"u8))
        {
            throw new InvalidDataException("not a single-file little-endian NIfTI-1 header");
        }

        int[] dims = [BinaryPrimitives.ReadInt16LittleEndian(h[42..]), BinaryPrimitives.ReadInt16LittleEndian(h[44..]), BinaryPrimitives.ReadInt16LittleEndian(h[46..])];
        var m = new double[4, 4];
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 4; c++)
            {
                m[r, c] = BinaryPrimitives.ReadSingleLittleEndian(h[(280 + (16 * r) + (4 * c))..]);
            }
        }

        m[3, 3] = 1;
        return new NiftiHeader(dims, (NiftiDataType)BinaryPrimitives.ReadInt16LittleEndian(h[70..]), m,
            BinaryPrimitives.ReadSingleLittleEndian(h[112..]), BinaryPrimitives.ReadSingleLittleEndian(h[116..]),
            BinaryPrimitives.ReadInt16LittleEndian(h[68..]) == IntentLabel);
    }

    private Dicom.Imaging.Volumes.Vector3 Column(int c) => new(Sform[0, c], Sform[1, c], Sform[2, c]);

    /// <summary>nifti1_io's mat44_to_quatern for an orthogonal sform: quaternion (b, c, d), offset and qfac.</summary>
    private (double[] Quaternion, double[] Offset, double Qfac) Quaternion()
    {
        var x = Column(0).Normalized();
        var y = Column(1).Normalized();
        var z = Column(2).Normalized();
        double qfac = x.Cross(y).Dot(z) > 0 ? 1 : -1;
        if (qfac < 0)
        {
            z *= -1;
        }

        double r11 = x.X, r21 = x.Y, r31 = x.Z, r12 = y.X, r22 = y.Y, r32 = y.Z, r13 = z.X, r23 = z.Y, r33 = z.Z;
        double a = r11 + r22 + r33 + 1, b, c, d;
        if (a > 0.5)
        {
            a = 0.5 * Math.Sqrt(a);
            b = 0.25 * (r32 - r23) / a;
            c = 0.25 * (r13 - r31) / a;
            d = 0.25 * (r21 - r12) / a;
        }
        else
        {
            double xd = 1 + r11 - (r22 + r33), yd = 1 + r22 - (r11 + r33), zd = 1 + r33 - (r11 + r22);
            if (xd > 1)
            {
                b = 0.5 * Math.Sqrt(xd);
                c = 0.25 * (r12 + r21) / b;
                d = 0.25 * (r13 + r31) / b;
                a = 0.25 * (r32 - r23) / b;
            }
            else if (yd > 1)
            {
                c = 0.5 * Math.Sqrt(yd);
                b = 0.25 * (r12 + r21) / c;
                d = 0.25 * (r23 + r32) / c;
                a = 0.25 * (r13 - r31) / c;
            }
            else
            {
                d = 0.5 * Math.Sqrt(zd);
                b = 0.25 * (r13 + r31) / d;
                c = 0.25 * (r23 + r32) / d;
                a = 0.25 * (r21 - r12) / d;
            }

            if (a < 0)
            {
                (b, c, d) = (-b, -c, -d);
            }
        }

        return ([b, c, d], [Sform[0, 3], Sform[1, 3], Sform[2, 3]], qfac);
    }
}
