using System.Globalization;
using Ricord.Dicom;
using Ricord.Dicom.Imaging.Volumes;

namespace Ricord.Release;

public static partial class SegmentationDocument
{
    /// <summary>Patient and General Study attributes of the source, as they are (type 2 ones empty when absent).</summary>
    private static readonly DicomTag[] PatientAndStudy =
    [
        DicomTags.PatientName, DicomTags.PatientID, DicomTags.PatientBirthDate, DicomTags.PatientSex, DicomTags.PatientAge,
        DicomTags.PatientIdentityRemoved, DicomTags.DeidentificationMethod, DicomTags.StudyInstanceUID, DicomTags.StudyDate,
        DicomTags.StudyTime, DicomTags.ReferringPhysicianName, DicomTags.StudyID, DicomTags.AccessionNumber,
    ];

    private static readonly HashSet<DicomTag> TypeTwo =
        [DicomTags.PatientName, DicomTags.PatientID, DicomTags.PatientBirthDate, DicomTags.PatientSex, DicomTags.StudyDate, DicomTags.StudyTime,
         DicomTags.ReferringPhysicianName, DicomTags.StudyID, DicomTags.AccessionNumber];

    /// <summary>Copies the source's patient and study attributes; text is decoded with the source's character set and
    /// written in the target's (set before this is called).</summary>
    private static void CopyPatientAndStudy(DicomDataset source, DicomDataset target)
    {
        foreach (var tag in PatientAndStudy)
        {
            if (source[tag] is { } e)
            {
                if (DicomVRInfo.UsesSpecificCharacterSet(e.VR))
                {
                    target.SetString(tag, e.VR, source.GetText(tag) ?? "");
                }
                else
                {
                    target.Set(e);
                }
            }
            else if (TypeTwo.Contains(tag))
            {
                target.SetBytes(tag, DicomDictionary.ImplicitVR(tag), ReadOnlyMemory<byte>.Empty);
            }
        }
    }

    private static DicomDataset Segment(SegmentationLabel label)
    {
        var segment = new DicomDataset()
            .SetUInt16(DicomTags.SegmentNumber, (ushort)label.Index)
            .SetString(DicomTags.SegmentLabel, DicomVR.LO, label.Name)
            .SetString(DicomTags.SegmentDescription, DicomVR.ST, $"{label.Group}: {label.Name}")
            .SetString(DicomTags.SegmentAlgorithmType, DicomVR.CS, "MANUAL");
        segment.SetSequence(DicomTags.SegmentedPropertyCategoryCodeSequence, Code("49755003", "SCT", "Morphologically Abnormal Structure"));
        segment.SetSequence(DicomTags.SegmentedPropertyTypeCodeSequence, Code($"RICORD{label.Index}", "99RICORD", label.Name));
        if (label.Color is { Length: 7 } c && c[0] == '#')
        {
            segment.SetUInt16(DicomTags.RecommendedDisplayCIELabValue, CieLab.FromRgb(Hex(c, 1), Hex(c, 3), Hex(c, 5)));
        }

        return segment;
    }

    private static void Dimensions(DicomDataset ds, string seriesUid)
    {
        string organization = DicomUidGenerator.Derive("2.25", seriesUid + "/seg-dimensions", UidKey);
        ds.SetSequence(DicomTags.DimensionOrganizationSequence, new DicomDataset().SetString(DicomTags.DimensionOrganizationUID, DicomVR.UI, organization));
        ds.SetSequence(DicomTags.DimensionIndexSequence,
            new DicomDataset().SetString(DicomTags.DimensionOrganizationUID, DicomVR.UI, organization)
                .SetTags(DicomTags.DimensionIndexPointer, DicomTags.ReferencedSegmentNumber).SetTags(DicomTags.FunctionalGroupPointer, DicomTags.SegmentIdentificationSequence)
                .SetString(DicomTags.DimensionDescriptionLabel, DicomVR.LO, "Segment Number"),
            new DicomDataset().SetString(DicomTags.DimensionOrganizationUID, DicomVR.UI, organization)
                .SetTags(DicomTags.DimensionIndexPointer, DicomTags.ImagePositionPatient).SetTags(DicomTags.FunctionalGroupPointer, DicomTags.PlanePositionSequence)
                .SetString(DicomTags.DimensionDescriptionLabel, DicomVR.LO, "Image Position Patient"));
    }

    private static DicomDataset Shared(SeriesVolume volume)
    {
        var first = volume.Slices[0].Dataset;
        var shared = new DicomDataset();
        shared.SetSequence(DicomTags.PixelMeasuresSequence, new DicomDataset()
            .SetDecimalStrings(DicomTags.PixelSpacing, volume.RowSpacing, volume.ColumnSpacing)
            .SetDecimalStrings(DicomTags.SliceThickness, first.GetDouble(DicomTags.SliceThickness) ?? volume.SliceSpacing)
            .SetDecimalStrings(DicomTags.SpacingBetweenSlices, volume.SliceSpacing));
        var r = volume.RowDirection;
        var c = volume.ColumnDirection;
        shared.SetSequence(DicomTags.PlaneOrientationSequence, new DicomDataset().SetDecimalStrings(DicomTags.ImageOrientationPatient, r.X, r.Y, r.Z, c.X, c.Y, c.Z));
        return shared;
    }

    private static DicomDataset PerFrame(SeriesVolume volume, int segment, int slice)
    {
        var source = volume.Slices[slice];
        var frame = new DicomDataset();
        frame.SetSequence(DicomTags.DerivationImageSequence, new DicomDataset()
            .SetSequence(DicomTags.SourceImageSequence, new DicomDataset()
                .SetString(DicomTags.ReferencedSOPClassUID, DicomVR.UI, source.Dataset.GetString(DicomTags.SOPClassUID) ?? "")
                .SetString(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, source.SopInstanceUid)
                .SetSequence(DicomTags.PurposeOfReferenceCodeSequence, Code("121322", "DCM", "Source image for image processing operation")))
            .SetSequence(DicomTags.DerivationCodeSequence, Code("113076", "DCM", "Segmentation")));
        frame.SetSequence(DicomTags.FrameContentSequence, new DicomDataset().SetUInt32(DicomTags.DimensionIndexValues, (uint)segment, (uint)(slice + 1)));
        frame.SetSequence(DicomTags.PlanePositionSequence, new DicomDataset().SetDecimalStrings(DicomTags.ImagePositionPatient, source.Position.X, source.Position.Y, source.Position.Z));
        frame.SetSequence(DicomTags.SegmentIdentificationSequence, new DicomDataset().SetUInt16(DicomTags.ReferencedSegmentNumber, (ushort)segment));
        return frame;
    }

    /// <summary>Common Instance Reference (C.12.2): the source series and its referenced instances.</summary>
    private static void References(DicomDataset ds, SeriesVolume volume, IEnumerable<int> slices)
    {
        var first = volume.Slices[0].Dataset;
        ds.SetSequence(DicomTags.ReferencedSeriesSequence, new DicomDataset()
            .SetString(DicomTags.SeriesInstanceUID, DicomVR.UI, first.GetString(DicomTags.SeriesInstanceUID) ?? "")
            .SetSequence(DicomTags.ReferencedInstanceSequence, [.. slices.Select(k => new DicomDataset()
                .SetString(DicomTags.ReferencedSOPClassUID, DicomVR.UI, volume.Slices[k].Dataset.GetString(DicomTags.SOPClassUID) ?? "")
                .SetString(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, volume.Slices[k].SopInstanceUid))]));
    }

    private static DicomDataset Code(string value, string scheme, string meaning) => new DicomDataset()
        .SetString(DicomTags.CodeValue, DicomVR.SH, value)
        .SetString(DicomTags.CodingSchemeDesignator, DicomVR.SH, scheme)
        .SetString(DicomTags.CodeMeaning, DicomVR.LO, meaning.Length > 64 ? meaning[..64] : meaning);

    private static int Hex(string color, int at) => int.Parse(color.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
