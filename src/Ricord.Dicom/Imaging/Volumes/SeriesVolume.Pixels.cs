using Ricord.Dicom.Imaging.Rendering;

namespace Ricord.Dicom.Imaging.Volumes;

public sealed partial class SeriesVolume
{
    /// <summary>Number of voxels: Columns × Rows × slices.</summary>
    public long VoxelCount => (long)Columns * Rows * Slices.Count;

    /// <summary>
    /// Modality values (e.g. HU) of every voxel, index i + j·Columns + k·Columns·Rows. Frames are read one at a time
    /// into the output, so memory is the output plus one frame.
    /// </summary>
    public float[] LoadModalityValues()
    {
        var result = new float[checked((int)VoxelCount)];
        ForEachSlice((k, frame, modality) =>
        {
            int offset = k * Rows * Columns;
            for (int p = 0; p < Rows * Columns; p++)
            {
                result[offset + p] = (float)modality.Apply(frame.ValueAt(p * frame.SamplesPerPixel));
            }
        });
        return result;
    }

    /// <summary>Modality values rounded and clamped to 16-bit signed integers (HU fit), same layout as <see cref="LoadModalityValues"/>.</summary>
    public short[] LoadInt16()
    {
        var result = new short[checked((int)VoxelCount)];
        ForEachSlice((k, frame, modality) =>
        {
            int offset = k * Rows * Columns;
            for (int p = 0; p < Rows * Columns; p++)
            {
                double v = Math.Round(modality.Apply(frame.ValueAt(p * frame.SamplesPerPixel)));
                result[offset + p] = (short)Math.Clamp(v, short.MinValue, short.MaxValue);
            }
        });
        return result;
    }

    private void ForEachSlice(Action<int, FrameSamples, ModalityTransform> write)
    {
        for (int k = 0; k < Slices.Count; k++)
        {
            var slice = Slices[k];
            var frame = PixelReader.ReadFrame(slice.Dataset, 0, slice.TransferSyntax);
            write(k, frame, ModalityTransform.FromDataset(slice.Dataset, frame.Info.IsSigned));
        }
    }
}
