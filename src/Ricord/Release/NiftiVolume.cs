using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using Ricord.Annotation.Agreement;
using Ricord.Dicom;
using Ricord.Dicom.Imaging;
using Ricord.Dicom.Imaging.Rendering;
using Ricord.Dicom.Imaging.Volumes;

namespace Ricord.Release;

/// <summary>
/// One series as a NIfTI-1 volume, laid out as dcm2niix lays it out: i = column, j = row counted from the last row
/// (dcm2niix flips the rows so the first voxel is the image's bottom-left), k = slice in ascending position along
/// row × column cosine; the stored values unchanged with Rescale Slope / Intercept as scl_slope / scl_inter;
/// unsigned 16-bit data as int16 when every value fits, as dcm2niix does. <see cref="Plan"/> says why a series
/// cannot be one (docs/release.md, "NIfTI").
/// </summary>
public sealed class NiftiVolume
{
    /// <summary>Issues that make a series no volume: the ones dcm2niix would resample, split or order otherwise.</summary>
    private static readonly VolumeIssueKind[] Excluding =
    [
        VolumeIssueKind.Gap, VolumeIssueKind.UnevenSpacing, VolumeIssueKind.GantryTilt, VolumeIssueKind.MixedOrientation,
        VolumeIssueKind.MixedSize, VolumeIssueKind.MultipleStacks, VolumeIssueKind.Duplicate, VolumeIssueKind.MissingGeometry,
    ];

    private NiftiVolume(SeriesVolume volume, PixelDataInfo info, double slope, double intercept)
    {
        Volume = volume;
        Info = info;
        Slope = slope;
        Intercept = intercept;
        Sform = RasSform(volume);
    }

    public SeriesVolume Volume { get; }

    public PixelDataInfo Info { get; }

    public double Slope { get; }

    public double Intercept { get; }

    /// <summary>The RAS voxel → mm matrix of the NIfTI file (rows flipped).</summary>
    public double[,] Sform { get; }

    public int[] Dims => [Volume.Columns, Volume.Rows, Volume.Slices.Count];

    /// <summary>The volume of the instances, or null with the reason it cannot be one.</summary>
    public static NiftiVolume? Plan(IReadOnlyList<DicomFile> instances, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(instances);
        SeriesVolume volume;
        try
        {
            volume = SeriesVolume.Assemble(instances);
        }
        catch (VolumeException e)
        {
            reason = e.Message;
            return null;
        }

        var first = volume.Slices[0].Dataset;
        var info = PixelDataInfo.FromDataset(first);
        var rescale = volume.Slices.Select(s => (s.Dataset.GetDouble(DicomTags.RescaleSlope) ?? 1, s.Dataset.GetDouble(DicomTags.RescaleIntercept) ?? 0)).Distinct().ToList();
        reason = volume.Issues.FirstOrDefault(i => Excluding.Contains(i.Kind)) is { } issue ? issue.ToString()
            : volume.Slices.Count < 2 ? "fewer than 2 slices"
            : info.SamplesPerPixel != 1 || info.BitsAllocated is not (8 or 16) ? $"{info.SamplesPerPixel} samples of {info.BitsAllocated} bits per pixel (one 8- or 16-bit sample needed)"
            : rescale.Count > 1 ? "Rescale Slope / Intercept differ between slices"
            : first[DicomTags.ModalityLUTSequence] is not null ? "a Modality LUT Sequence (no linear rescale)"
            : volume.Slices.Any(s => PixelDataInfo.FromDataset(s.Dataset) is var o && (o.BitsAllocated != info.BitsAllocated || o.PixelRepresentation != info.PixelRepresentation))
                ? "Bits Allocated or Pixel Representation differ between slices"
            : null;
        return reason is null ? new NiftiVolume(volume, info, rescale[0].Item1 == 0 ? 1 : rescale[0].Item1, rescale[0].Item2) : null;
    }

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

    /// <summary>A label map (uint8) over the same grid: label index where that label's mask has the voxel, 0 elsewhere;
    /// where masks overlap the higher index wins.</summary>
    public (NiftiHeader Header, byte[] Voxels) BuildLabelMap(IReadOnlyList<(int Index, MaskVolume Mask)> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        int rows = Volume.Rows, columns = Volume.Columns, plane = rows * columns;
        var voxels = new byte[checked((int)Volume.VoxelCount)];
        foreach (var (index, mask) in labels.OrderBy(l => l.Index))
        {
            for (int k = 0; k < mask.SliceCount; k++)
            {
                var runs = mask.RunsOf(k);
                for (int r = 0; r < runs.Length; r += 2)
                {
                    for (int p = runs[r]; p < runs[r] + runs[r + 1]; p++)
                    {
                        int row = p / columns, column = p % columns;
                        voxels[(k * plane) + ((rows - 1 - row) * columns) + column] = checked((byte)index);
                    }
                }
            }
        }

        return (new NiftiHeader(Dims, NiftiDataType.UInt8, Sform, 1, 0, IsLabelMap: true), voxels);
    }

    /// <summary>The masks a label map holds (one per value present), in DICOM row order: the inverse of <see cref="BuildLabelMap"/>.</summary>
    public List<(int Index, MaskVolume Mask)> MasksOf(byte[] labelMap)
    {
        ArgumentNullException.ThrowIfNull(labelMap);
        int rows = Volume.Rows, columns = Volume.Columns, plane = rows * columns;
        var builders = new Dictionary<int, MaskVolumeBuilder>();
        var slice = new Dictionary<int, byte[]>();
        for (int k = 0; k < Volume.Slices.Count; k++)
        {
            slice.Clear();
            for (int v = 0; v < plane; v++)
            {
                if (labelMap[(k * plane) + v] is var value and > 0)
                {
                    if (!slice.TryGetValue(value, out var mask))
                    {
                        slice[value] = mask = new byte[plane];
                    }

                    mask[((rows - 1 - (v / columns)) * columns) + (v % columns)] = 1;
                }
            }

            foreach (var (value, mask) in slice)
            {
                if (!builders.TryGetValue(value, out var builder))
                {
                    builders[value] = builder = new MaskVolumeBuilder(rows, columns, Volume.Slices.Count);
                }

                builder.AddMask(k, mask);
            }
        }

        return [.. builders.OrderBy(b => b.Key).Select(b => (b.Key, b.Value.Build()))];
    }

    /// <summary>The LPS affine with the rows reversed (origin at the last row, row step negated), then LPS → RAS.</summary>
    public static double[,] RasSform(SeriesVolume volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var a = volume.Affine;
        var origin = a.Origin + (a.RowStep * (volume.Rows - 1));
        var flipped = new VolumeAffine(origin, a.ColumnStep, a.RowStep * -1, a.SliceStep);
        return flipped.ToRasMatrix();
    }
}
