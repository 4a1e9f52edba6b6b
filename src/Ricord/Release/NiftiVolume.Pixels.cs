using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using Ricord.Dicom;
using Ricord.Dicom.Imaging;
using Ricord.Dicom.Imaging.Rendering;

namespace Ricord.Release;

public sealed partial class NiftiVolume
{
    /// <summary>The stored values in NIfTI order and the header; the data type follows the values (unsigned 16-bit
    /// data whose maximum fits int16 is written as int16: the same bytes either way).</summary>
    public (NiftiHeader Header, byte[] Voxels) Build()
    {
        int bytesPerVoxel = Info.BitsAllocated == 8 ? 1 : 2;
        var voxels = new byte[checked((int)(Volume.VoxelCount * bytesPerVoxel))];
        var maxima = new int[Volume.Slices.Count];
        Parallel.For(0, Volume.Slices.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) },
            k => maxima[k] = WriteSlice(k, voxels.AsMemory(k * Volume.Rows * Volume.Columns * bytesPerVoxel, Volume.Rows * Volume.Columns * bytesPerVoxel)));
        var type = Info.BitsAllocated == 8
            ? (Info.IsSigned ? NiftiDataType.Int8 : NiftiDataType.UInt8)
            : Info.IsSigned || Info.BitsStored < 16 || maxima.Max() <= short.MaxValue ? NiftiDataType.Int16 : NiftiDataType.UInt16;
        return (new NiftiHeader(Dims, type, Sform, Slope, Intercept), voxels);
    }

    /// <summary>Slice k's stored values, rows bottom-up, into <paramref name="targetMemory"/> (little endian); returns the largest value.
    /// Native little-endian 16-bit frames are copied row by row and only the bits above High Bit are cleared (or the sign
    /// extended); anything else goes through <see cref="PixelReader"/>.</summary>
    private int WriteSlice(int k, Memory<byte> targetMemory)
    {
        var target = targetMemory.Span;
        var slice = Volume.Slices[k];
        int rows = Volume.Rows, columns = Volume.Columns;
        var info = PixelDataInfo.FromDataset(slice.Dataset);
        if (info.BitsAllocated == 16 && info.HighBit == info.BitsStored - 1 && !slice.TransferSyntax.IsEncapsulated && !slice.TransferSyntax.IsBigEndian
            && info.PhotometricInterpretation.StartsWith("MONOCHROME", StringComparison.Ordinal) && BitConverter.IsLittleEndian)
        {
            int rowBytes = columns * 2;
            if (!ReadRowsBottomUp(slice.Dataset, targetMemory, rows, rowBytes))
            {
                var frame = DicomPixelData.GetFrame(slice.Dataset, 0, slice.TransferSyntax).Span;
                for (int j = 0; j < rows; j++)
                {
                    frame.Slice((rows - 1 - j) * rowBytes, rowBytes).CopyTo(target[(j * rowBytes)..]);
                }
            }

            return StoredBits(MemoryMarshal.Cast<byte, ushort>(target), info.BitsStored, info.IsSigned);
        }

        var samples = PixelReader.ReadFrame(slice.Dataset, 0, slice.TransferSyntax).Samples;
        int max = int.MinValue;
        for (int j = 0; j < rows; j++)
        {
            for (int i = 0; i < columns; i++)
            {
                int v = samples[((rows - 1 - j) * columns) + i], at = (j * columns) + i;
                max = Math.Max(max, v);
                if (target.Length == rows * columns)
                {
                    target[at] = unchecked((byte)v);
                }
                else
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(target[(2 * at)..], unchecked((ushort)v));
                }
            }
        }

        return max;
    }

    /// <summary>Pixel data left in its file (not loaded yet) is read straight into <paramref name="target"/>, last row first,
    /// with one vectored read (preadv): no copy, and nothing cached on the data set, so a series costs no memory beyond
    /// the volume. False when the data is elsewhere (in memory, byte-swapped, shorter than a frame).</summary>
    private static bool ReadRowsBottomUp(DicomDataset dataset, Memory<byte> target, int rows, int rowBytes)
    {
        if (dataset[DicomTags.PixelData]?.Buffer is not FileRangeDicomBuffer { IsLazy: true, SwapUnit: 1 } range || range.LengthInFile < (long)rows * rowBytes)
        {
            return false;
        }

        using var handle = File.OpenHandle(range.Path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var buffers = new Memory<byte>[rows];
        for (int j = 0; j < rows; j++)
        {
            buffers[j] = target.Slice((rows - 1 - j) * rowBytes, rowBytes);
        }

        long read = RandomAccess.Read(handle, buffers, range.Offset);
        return read == (long)rows * rowBytes ? true : throw new EndOfStreamException($"the pixel data of a slice ends before its {rows * rowBytes} bytes");
    }

    /// <summary>Keeps the Bits Stored low bits (PS3.5 8.1.1), sign-extended when signed; returns the largest unsigned value.</summary>
    private static int StoredBits(Span<ushort> values, int bitsStored, bool signed)
    {
        int max = 0;
        if (bitsStored >= 16)
        {
            foreach (ushort v in values)
            {
                max = Math.Max(max, v);
            }

            return signed ? 0 : max;
        }

        int shift = 16 - bitsStored, p = 0;
        ushort mask = (ushort)((1 << bitsStored) - 1);
        if (!signed && Vector.IsHardwareAccelerated)
        {
            var vectors = MemoryMarshal.Cast<ushort, Vector<ushort>>(values);
            var m = new Vector<ushort>(mask);
            for (int v = 0; v < vectors.Length; v++)
            {
                vectors[v] &= m;
            }

            p = vectors.Length * Vector<ushort>.Count;
        }

        for (; p < values.Length; p++)
        {
            values[p] = signed ? unchecked((ushort)(short)((short)(values[p] << shift) >> shift)) : (ushort)(values[p] & mask);
        }

        return 0;
    }
}
