using Ricord.Dicom;
using Ricord.Dicom.Imaging;
using Ricord.Dicom.Imaging.Rendering;

namespace Ricord.Release;

/// <summary>
/// A radiograph (CR, DX: one greyscale frame, no patient geometry) as a 2D NIfTI-1 image or a 16-bit greyscale PNG
/// (docs/release.md, "Radiographs"). NIfTI: dcm2niix's layout (i = column, j = row from the last row), the stored
/// values unchanged with Rescale Slope / Intercept as scl_slope / scl_inter, qform and sform codes 0 (no patient
/// geometry), Pixel Spacing (else Imager Pixel Spacing) as the voxel size; MONOCHROME1 is not inverted (low values are
/// white): dcm2niix's voxels, data type and scaling. PNG: top row first, stored values unchanged (signed ones offset by 2^(Bits Stored-1)), MONOCHROME1 inverted
/// within Bits Stored so white is high as PNG viewers show it; sBIT = Bits Stored; no rescale.
/// </summary>
internal static class RadiographImage
{
    public static bool IsRadiograph(string modality) => modality is "CR" or "DX";

    /// <summary>The file's bytes, or null with the reason there is none (not one greyscale frame).</summary>
    public static byte[]? Build(DicomFile file, string format, int gzipThreads, out string? reason)
    {
        var ds = file.Dataset;
        var info = PixelDataInfo.FromDataset(ds);
        reason = ds[DicomTags.PixelData] is null ? "no pixel data"
            : info.SamplesPerPixel != 1 || !info.PhotometricInterpretation.StartsWith("MONOCHROME", StringComparison.Ordinal) ? $"not greyscale ({info.PhotometricInterpretation})"
            : info.NumberOfFrames != 1 ? $"{info.NumberOfFrames} frames"
            : info.BitsAllocated is not (8 or 16) ? $"Bits Allocated {info.BitsAllocated}"
            : null;
        if (reason is not null)
        {
            return null;
        }

        int[] samples = PixelReader.ReadFrame(ds, 0, file.TransferSyntax).Samples;
        return format == ReleaseSpec.Png ? Png(samples, info) : Nifti(ds, samples, info, gzipThreads);
    }

    private static byte[] Png(int[] samples, PixelDataInfo info)
    {
        int offset = info.IsSigned ? 1 << (info.BitsStored - 1) : 0, max = (1 << info.BitsStored) - 1;
        bool invert = info.PhotometricInterpretation == "MONOCHROME1";
        var values = new ushort[samples.Length];
        for (int p = 0; p < samples.Length; p++)
        {
            int v = samples[p] + offset;
            values[p] = (ushort)(invert ? max - v : v);
        }

        return PngEncoder.EncodeGray16(info.Columns, info.Rows, values, info.BitsStored);
    }

    private static byte[] Nifti(DicomDataset ds, int[] samples, PixelDataInfo info, int gzipThreads)
    {
        int rows = info.Rows, columns = info.Columns, bytes = info.BitsAllocated == 8 ? 1 : 2;
        var voxels = new byte[rows * columns * bytes];
        for (int j = 0; j < rows; j++)
        {
            for (int i = 0; i < columns; i++)
            {
                int v = samples[((rows - 1 - j) * columns) + i], at = (j * columns) + i;
                if (bytes == 1)
                {
                    voxels[at] = unchecked((byte)v);
                }
                else
                {
                    System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(voxels.AsSpan(2 * at), unchecked((ushort)v));
                }
            }
        }

        var type = bytes == 1
            ? (info.IsSigned ? NiftiDataType.Int8 : NiftiDataType.UInt8)
            : info.IsSigned || info.BitsStored < 16 || samples.Max() <= short.MaxValue ? NiftiDataType.Int16 : NiftiDataType.UInt16;
        var spacing = ds.GetDoubles(DicomTags.PixelSpacing) is { Length: 2 } ps ? ps
            : ds.GetDoubles(DicomTags.ImagerPixelSpacing) is { Length: 2 } ips ? ips : [1.0, 1.0];
        double slope = ds.GetDouble(DicomTags.RescaleSlope) ?? 1, intercept = ds.GetDouble(DicomTags.RescaleIntercept) ?? 0;

        // No patient geometry: codes 0 (as dcm2niix), the voxel size (column, row spacing) on the diagonal.
        var sform = new double[,] { { spacing[1], 0, 0, 0 }, { 0, spacing[0], 0, 0 }, { 0, 0, 1, 0 }, { 0, 0, 0, 1 } };
        var header = new NiftiHeader([columns, rows, 1], type, sform, slope == 0 ? 1 : slope, intercept) { Unaligned = true };
        return ReleaseBuilder.Nifti(header, voxels, gzipThreads);
    }
}
