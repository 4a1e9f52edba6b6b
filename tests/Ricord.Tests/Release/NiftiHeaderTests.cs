using System.Buffers.Binary;
using Ricord.Release;

namespace Ricord.Tests.Release;

public sealed class NiftiHeaderTests
{
    [Fact]
    public void An_axial_header_has_dcm2niix_s_qform_and_reads_back()
    {
        // dcm2niix on an axial series (IOP 1\0\0\0\1\0, rows flipped): sform diag(-0.68, 0.68, 10), quaternion (0, 1, 0), qfac -1.
        var sform = new double[,] { { -0.6836, 0, 0, 174.66 }, { 0, 0.6836, 0, -174.66 }, { 0, 0, 10, -205 }, { 0, 0, 0, 1 } };
        var header = new NiftiHeader([512, 512, 12], NiftiDataType.Int16, sform, 1, -1024);
        var bytes = header.ToBytes();
        Assert.Equal(NiftiHeader.VoxelOffset, bytes.Length);
        Assert.Equal(-1f, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(76)));
        Assert.Equal([0f, 1f, 0f], [BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(256)), BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(260)), BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(264))]);
        Assert.Equal(10f, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(88)));
        var back = NiftiHeader.Read(bytes);
        Assert.Equal(header.Dims, back.Dims);
        Assert.Equal((NiftiDataType.Int16, 1.0, -1024.0), (back.DataType, back.SclSlope, back.SclInter));
        Assert.Equal(174.66, back.Sform[0, 3], 4);
        Assert.Throws<InvalidDataException>(() => NiftiHeader.Read(new byte[348]));
    }
}
