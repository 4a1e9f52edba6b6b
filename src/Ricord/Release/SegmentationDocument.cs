using Ricord.Annotation.Agreement;
using Ricord.Dicom;
using Ricord.Dicom.Imaging.Volumes;

namespace Ricord.Release;

/// <summary>
/// A binary DICOM Segmentation (PS3.3 A.51, C.8.20) of one CT series: one segment per release label, all declared
/// (labels nobody drew are segments without frames), coded as RICORD's converters code them (category SCT 49755003
/// "Morphologically Abnormal Structure", type 99RICORD with the label name as meaning); one frame per segment and
/// slice that has a voxel (empty frames omitted), on the source's geometry, each referencing its source instance.
/// UIDs derive from the source series, dates from the study: the same input gives the same bytes.
/// </summary>
public static partial class SegmentationDocument
{
    private static readonly byte[] UidKey = "ricord-release-seg"u8.ToArray();

    /// <param name="volume">The source series' volume (slice order and geometry).</param>
    /// <param name="labels">Every release label; each becomes a segment, numbered by its label map value.</param>
    /// <param name="masks">The non-empty masks by label value, slice k of a mask being <paramref name="volume"/>'s slice k.</param>
    /// <param name="softwareVersion">Recorded as Software Versions.</param>
    public static byte[] Build(SeriesVolume volume, IReadOnlyList<SegmentationLabel> labels, IReadOnlyList<(int Index, MaskVolume Mask)> masks, string softwareVersion)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(masks);
        var source = volume.Slices[0].Dataset;
        string seriesUid = source.GetString(DicomTags.SeriesInstanceUID) ?? throw new ReleaseException("a source instance has no SeriesInstanceUID");
        var frames = masks.OrderBy(m => m.Index).SelectMany(m => Enumerable.Range(0, m.Mask.SliceCount).Where(k => m.Mask.RunsOf(k).Length > 0).Select(k => (m.Index, m.Mask, Slice: k))).ToList();
        if (frames.Count == 0)
        {
            throw new ReleaseException($"series {seriesUid} has no segmented voxel; a SEG needs at least one frame");
        }

        var ds = Common(volume, seriesUid, frames.Count, softwareVersion, Binary);
        ds.SetSequence(DicomTags.SegmentSequence, [.. labels.Select(Segment)]);
        Dimensions(ds, seriesUid);
        ds.SetSequence(DicomTags.PerFrameFunctionalGroupsSequence, [.. frames.Select(f => PerFrame(volume, f.Index, f.Slice))]);
        References(ds, volume, frames.Select(f => f.Slice).Distinct().Order());
        ds.SetBytes(DicomTags.PixelData, DicomVR.OB, Pack(volume, frames.Select(f => (f.Mask, f.Slice)).ToList()));
        return new DicomFile(ds, DicomTransferSyntax.ExplicitVRLittleEndian).ToBytes();
    }

    /// <summary>What differs between the binary SEG and the label map SEG (Sup 243).</summary>
    private sealed record SegKind(string SopClassUid, string SegmentationType, int Bits, string UidSuffix, string Description, int SeriesNumber);

    private static readonly SegKind Binary = new(DicomUids.SegmentationStorage.Value, "BINARY", 1, "", "Consensus segmentation", 1000);

    /// <summary>The modules both SEG kinds share: patient, study, series, equipment, frame of reference, image pixel,
    /// segmentation image (less the segments), coding scheme and the shared functional groups.</summary>
    private static DicomDataset Common(SeriesVolume volume, string seriesUid, int frameCount, string softwareVersion, SegKind kind)
    {
        var source = volume.Slices[0].Dataset;
        var ds = new DicomDataset().SetString(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        CopyPatientAndStudy(source, ds);
        string studyDate = source.GetString(DicomTags.StudyDate) ?? "20000101", studyTime = source.GetString(DicomTags.StudyTime) ?? "000000";
        ds.SetStrings(DicomTags.ImageType, DicomVR.CS, "DERIVED", "PRIMARY")
            .SetString(DicomTags.SOPClassUID, DicomVR.UI, kind.SopClassUid)
            .SetString(DicomTags.SOPInstanceUID, DicomVR.UI, DicomUidGenerator.Derive("2.25", seriesUid + kind.UidSuffix + "/seg-instance", UidKey))
            .SetString(DicomTags.ContentDate, DicomVR.DA, studyDate)
            .SetString(DicomTags.ContentTime, DicomVR.TM, studyTime)
            .SetString(DicomTags.SeriesDate, DicomVR.DA, studyDate)
            .SetString(DicomTags.SeriesTime, DicomVR.TM, studyTime)
            .SetString(DicomTags.Modality, DicomVR.CS, "SEG")
            .SetString(DicomTags.Manufacturer, DicomVR.LO, "Ricord")
            .SetString(DicomTags.SeriesDescription, DicomVR.LO, kind.Description)
            .SetString(DicomTags.ManufacturerModelName, DicomVR.LO, "ricord release")
            .SetString(DicomTags.DeviceSerialNumber, DicomVR.LO, "1")
            .SetString(DicomTags.SoftwareVersions, DicomVR.LO, softwareVersion.Length > 64 ? softwareVersion[..64] : softwareVersion)
            .SetString(DicomTags.SeriesInstanceUID, DicomVR.UI, DicomUidGenerator.Derive("2.25", seriesUid + kind.UidSuffix + "/seg-series", UidKey))
            .SetIntegerString(DicomTags.SeriesNumber, kind.SeriesNumber)
            .SetIntegerString(DicomTags.InstanceNumber, 1)
            .SetString(DicomTags.FrameOfReferenceUID, DicomVR.UI, source.GetString(DicomTags.FrameOfReferenceUID)
                ?? DicomUidGenerator.Derive("2.25", seriesUid + "/frame-of-reference", UidKey))
            .SetString(DicomTags.PositionReferenceIndicator, DicomVR.LO, "")
            .SetString(DicomTags.ContentLabel, DicomVR.CS, "SEGMENTATION")
            .SetString(DicomTags.ContentDescription, DicomVR.LO, "Readers' strict-majority consensus")
            .SetString(DicomTags.ContentCreatorName, DicomVR.PN, "")
            .SetUInt16(DicomTags.SamplesPerPixel, 1)
            .SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2")
            .SetIntegerString(DicomTags.NumberOfFrames, frameCount)
            .SetUInt16(DicomTags.Rows, (ushort)volume.Rows)
            .SetUInt16(DicomTags.Columns, (ushort)volume.Columns)
            .SetUInt16(DicomTags.BitsAllocated, (ushort)kind.Bits)
            .SetUInt16(DicomTags.BitsStored, (ushort)kind.Bits)
            .SetUInt16(DicomTags.HighBit, (ushort)(kind.Bits - 1))
            .SetUInt16(DicomTags.PixelRepresentation, 0)
            .SetString(DicomTags.LossyImageCompression, DicomVR.CS, "00")
            .SetString(DicomTags.SegmentationType, DicomVR.CS, kind.SegmentationType)
            .SetString(DicomTags.SegmentsOverlap, DicomVR.CS, "NO");
        ds.SetSequence(DicomTags.CodingSchemeIdentificationSequence, new DicomDataset()
            .SetString(DicomTags.CodingSchemeDesignator, DicomVR.SH, "99RICORD")
            .SetString(DicomTags.CodingSchemeName, DicomVR.ST, "Ricord release segmentation labels (RICORD label names)")
            .SetString(DicomTags.CodingSchemeResponsibleOrganization, DicomVR.ST, "Ricord"));
        ds.SetSequence(DicomTags.SharedFunctionalGroupsSequence, Shared(volume));
        return ds;
    }

    /// <summary>1 bit per pixel, least significant bit first, frames back to back (PS3.5 8.1.1), padded to an even length.</summary>
    private static byte[] Pack(SeriesVolume volume, List<(MaskVolume Mask, int Slice)> frames)
    {
        long pixels = (long)volume.Rows * volume.Columns;
        long bytes = ((pixels * frames.Count) + 7) / 8;
        var data = new byte[checked((int)(bytes + (bytes % 2)))];
        for (int f = 0; f < frames.Count; f++)
        {
            var runs = frames[f].Mask.RunsOf(frames[f].Slice);
            long start = f * pixels;
            for (int r = 0; r < runs.Length; r += 2)
            {
                for (long bit = start + runs[r], end = start + runs[r] + runs[r + 1]; bit < end; bit++)
                {
                    data[bit >> 3] |= (byte)(1 << (int)(bit & 7));
                }
            }
        }

        return data;
    }
}
