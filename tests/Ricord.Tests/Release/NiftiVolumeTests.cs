using System.Buffers.Binary;
using Ricord.Annotation.Agreement;
using Ricord.Dicom;
using Ricord.Release;

namespace Ricord.Tests.Release;

public sealed class NiftiVolumeTests
{
    [Fact]
    public void Rows_run_bottom_up_slices_ascend_and_overlapping_labels_keep_the_higher_value()
    {
        // Three 2×3 slices given in descending z; stored value = 100·z + 10·row + column.
        var files = new[] { 2, 0, 1 }.Select(z => new DicomFile(Slice(z, 2, 3))).ToList();
        var volume = NiftiVolume.Plan(files, out string? reason);
        Assert.True(volume is not null, reason);
        var (header, voxels) = volume.Build();
        Assert.Equal([3, 2, 3], header.Dims);
        Assert.Equal(NiftiDataType.Int16, header.DataType);
        Assert.Equal((1.0, -1024.0), (header.SclSlope, header.SclInter));
        int[] values = [.. Enumerable.Range(0, voxels.Length / 2).Select(v => (int)BinaryPrimitives.ReadInt16LittleEndian(voxels.AsSpan(2 * v)))];
        // NIfTI index i + 3·j + 6·k holds DICOM row (1 − j) of the slice at z = k.
        Assert.Equal([10, 11, 12, 0, 1, 2, 110, 111, 112, 100, 101, 102, 210, 211, 212, 200, 201, 202], values);

        // Label 1 covers all of slice 0, label 2 its first row: the map keeps 2 there, and the masks it holds do not overlap.
        var one = new MaskVolumeBuilder(2, 3, 3).AddMask(0, [1, 1, 1, 1, 1, 1]).Build();
        var two = new MaskVolumeBuilder(2, 3, 3).AddMask(0, [1, 1, 1, 0, 0, 0]).Build();
        var (_, map) = volume.BuildLabelMap([(1, one), (2, two)]);
        Assert.Equal([1, 1, 1, 2, 2, 2], map[..6]);
        var resolved = volume.MasksOf(map);
        Assert.Equal([1, 2], resolved.Select(m => m.Index));
        Assert.Equal([0, 0, 0, 1, 1, 1], resolved[0].Mask.ToSliceMask(0));
        Assert.Equal([1, 1, 1, 0, 0, 0], resolved[1].Mask.ToSliceMask(0));
    }

    [Fact]
    public void A_series_with_a_missing_slice_forms_no_volume()
    {
        var files = new[] { 0, 1, 2, 4, 5 }.Select(z => new DicomFile(Slice(z, 2, 2))).ToList();
        Assert.Null(NiftiVolume.Plan(files, out string? reason));
        Assert.Contains("Gap", reason, StringComparison.Ordinal);
    }

    private static DicomDataset Slice(int z, int rows, int columns)
    {
        var pixels = new byte[rows * columns * 2];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(pixels.AsSpan(2 * ((r * columns) + c)), (ushort)((100 * z) + (10 * r) + c));
            }
        }

        return new DicomDataset()
            .SetString(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.2")
            .SetString(DicomTags.SOPInstanceUID, DicomVR.UI, $"1.2.3.{z + 1}")
            .SetString(DicomTags.Modality, DicomVR.CS, "CT")
            .SetDecimalStrings(DicomTags.ImagePositionPatient, -10, -20, z * 2.5)
            .SetDecimalStrings(DicomTags.ImageOrientationPatient, 1, 0, 0, 0, 1, 0)
            .SetDecimalStrings(DicomTags.PixelSpacing, 0.5, 0.5)
            .SetUInt16(DicomTags.SamplesPerPixel, 1)
            .SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2")
            .SetUInt16(DicomTags.Rows, (ushort)rows)
            .SetUInt16(DicomTags.Columns, (ushort)columns)
            .SetUInt16(DicomTags.BitsAllocated, 16)
            .SetUInt16(DicomTags.BitsStored, 12)
            .SetUInt16(DicomTags.HighBit, 11)
            .SetUInt16(DicomTags.PixelRepresentation, 0)
            .SetDecimalStrings(DicomTags.RescaleIntercept, -1024)
            .SetDecimalStrings(DicomTags.RescaleSlope, 1)
            .SetBytes(DicomTags.PixelData, DicomVR.OW, pixels);
    }
}
