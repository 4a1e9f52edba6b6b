using Ricord.Dicom;
using Ricord.Dicom.Imaging.Volumes;

namespace Ricord.Release;

public static partial class SegmentationDocument
{
    /// <summary>Label Map Segmentation Storage (Sup 243; not yet in the 2024e tables of /work/shared/standard).</summary>
    public const string LabelMapSegmentationStorage = "1.2.840.10008.5.1.4.1.1.66.7";

    private static readonly SegKind LabelMap = new(LabelMapSegmentationStorage, "LABELMAP", 8, "/labelmap", "Consensus label map segmentation", 1001);

    /// <summary>
    /// The same consensus as a Label Map Segmentation (Sup 243): Segmentation Type LABELMAP, 8-bit MONOCHROME2 frames
    /// whose pixel values are the segment numbers (the label map's values; 0 background, Pixel Padding Value 0), one
    /// frame per source slice with a labelled voxel (empty frames omitted), in the source's rows and columns, each
    /// referencing its source instance; every release label declared as a segment; one dimension (Image Position).
    /// </summary>
    /// <param name="volume">The source series' volume (slice order and geometry).</param>
    /// <param name="labels">Every release label; each becomes a segment, numbered by its label map value.</param>
    /// <param name="labelMap">The NIfTI label map's voxels (rows bottom-up, as <see cref="NiftiVolume.BuildLabelMap"/> writes them).</param>
    /// <param name="softwareVersion">Recorded as Software Versions.</param>
    public static byte[] BuildLabelMap(SeriesVolume volume, IReadOnlyList<SegmentationLabel> labels, byte[] labelMap, string softwareVersion)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(labelMap);
        if (labels.Any(l => l.Index is < 1 or > 255))
        {
            throw new ReleaseException("a label map SEG holds segment numbers 1 to 255");
        }

        string seriesUid = volume.Slices[0].Dataset.GetString(DicomTags.SeriesInstanceUID) ?? throw new ReleaseException("a source instance has no SeriesInstanceUID");
        int rows = volume.Rows, columns = volume.Columns, plane = rows * columns;
        var slices = Enumerable.Range(0, volume.Slices.Count).Where(k => labelMap.AsSpan(k * plane, plane).ContainsAnyExcept((byte)0)).ToList();
        if (slices.Count == 0)
        {
            throw new ReleaseException($"series {seriesUid} has no segmented voxel; a SEG needs at least one frame");
        }

        var ds = Common(volume, seriesUid, slices.Count, softwareVersion, LabelMap);
        ds.SetUInt16(new DicomTag(0x0028, 0x0120), 0); // Pixel Padding Value (US/SS, not among the generated tags)
        ds.SetSequence(DicomTags.SegmentSequence, [.. labels.Select(Segment)]);
        string organization = DicomUidGenerator.Derive("2.25", seriesUid + "/labelmap/seg-dimensions", UidKey);
        ds.SetSequence(DicomTags.DimensionOrganizationSequence, new DicomDataset().SetString(DicomTags.DimensionOrganizationUID, DicomVR.UI, organization));
        ds.SetSequence(DicomTags.DimensionIndexSequence, new DicomDataset().SetString(DicomTags.DimensionOrganizationUID, DicomVR.UI, organization)
            .SetTags(DicomTags.DimensionIndexPointer, DicomTags.ImagePositionPatient).SetTags(DicomTags.FunctionalGroupPointer, DicomTags.PlanePositionSequence)
            .SetString(DicomTags.DimensionDescriptionLabel, DicomVR.LO, "Image Position Patient"));
        ds.SetSequence(DicomTags.PerFrameFunctionalGroupsSequence, [.. slices.Select(k => LabelMapFrame(volume, k))]);
        References(ds, volume, slices);

        // Frames back to back in DICOM row order (the NIfTI rows run bottom-up), padded to an even length.
        var pixels = new byte[((long)plane * slices.Count) + ((long)plane * slices.Count % 2)];
        for (int f = 0; f < slices.Count; f++)
        {
            for (int row = 0; row < rows; row++)
            {
                labelMap.AsSpan((slices[f] * plane) + ((rows - 1 - row) * columns), columns).CopyTo(pixels.AsSpan((f * plane) + (row * columns)));
            }
        }

        ds.SetBytes(DicomTags.PixelData, DicomVR.OB, pixels);
        return new DicomFile(ds, DicomTransferSyntax.ExplicitVRLittleEndian).ToBytes();
    }

    /// <summary>Per frame: the source slice (Derivation Image), its position and its dimension index; no Segment
    /// Identification (a label map frame holds every segment).</summary>
    private static DicomDataset LabelMapFrame(SeriesVolume volume, int slice)
    {
        var frame = PerFrame(volume, 0, slice);
        frame.Remove(DicomTags.SegmentIdentificationSequence);
        frame.SetSequence(DicomTags.FrameContentSequence, new DicomDataset().SetUInt32(DicomTags.DimensionIndexValues, (uint)(slice + 1)));
        return frame;
    }
}
