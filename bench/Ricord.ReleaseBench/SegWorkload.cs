using Ricord.Annotation.Agreement;
using Ricord.Dicom;
using Ricord.Dicom.Imaging.Volumes;
using Ricord.Release;

namespace Ricord.ReleaseBench;

/// <summary>A size × size × slices CT geometry (headers only) and one ellipsoid mask per segment, each over a third of the slices.</summary>
internal static class SegWorkload
{
    public static (SeriesVolume Volume, List<SegmentationLabel> Labels, List<(int Index, MaskVolume Mask)> Masks) Create(int size, int slices, int segments)
    {
        var headers = Enumerable.Range(0, slices).Select(k => new DicomDataset()
            .SetString(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.2")
            .SetString(DicomTags.SOPInstanceUID, DicomVR.UI, $"1.2.3.4.{k + 1}")
            .SetString(DicomTags.SeriesInstanceUID, DicomVR.UI, "1.2.3.4")
            .SetString(DicomTags.StudyInstanceUID, DicomVR.UI, "1.2.3")
            .SetString(DicomTags.FrameOfReferenceUID, DicomVR.UI, "1.2.3.5")
            .SetDecimalStrings(DicomTags.ImagePositionPatient, -180, -180, -150 + k)
            .SetDecimalStrings(DicomTags.ImageOrientationPatient, 1, 0, 0, 0, 1, 0)
            .SetDecimalStrings(DicomTags.PixelSpacing, 0.7, 0.7)
            .SetDecimalStrings(DicomTags.SliceThickness, 1)
            .SetUInt16(DicomTags.Rows, (ushort)size)
            .SetUInt16(DicomTags.Columns, (ushort)size)).ToList();
        var volume = SeriesVolume.Assemble(headers);
        var labels = Enumerable.Range(1, segments).Select(i => new SegmentationLabel(i, $"Label {i}", "Segmentation", "#D62728")).ToList();
        var masks = new List<(int, MaskVolume)>();
        for (int s = 0; s < segments; s++)
        {
            var builder = new MaskVolumeBuilder(size, size, slices);
            int first = s * slices / (segments + 1), count = slices / 3;
            double cx = size * (0.3 + (0.1 * s)), cy = size * 0.5, rx = size * 0.12, ry = size * 0.18;
            for (int k = first; k < Math.Min(slices, first + count); k++)
            {
                double t = ((k - first) / (double)count * 2) - 1, scale = Math.Sqrt(Math.Max(0, 1 - (t * t)));
                var mask = new byte[size * size];
                for (int y = 0; y < size; y++)
                {
                    for (int x = 0; x < size; x++)
                    {
                        double dx = (x - cx) / (rx * scale + 1e-9), dy = (y - cy) / (ry * scale + 1e-9);
                        mask[(y * size) + x] = (byte)((dx * dx) + (dy * dy) <= 1 ? 1 : 0);
                    }
                }

                builder.AddMask(k, mask);
            }

            masks.Add((s + 1, builder.Build()));
        }

        return (volume, labels, masks);
    }
}
