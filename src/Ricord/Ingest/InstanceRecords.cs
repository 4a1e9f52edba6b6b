using Ricord.Catalog;
using Ricord.Dicom;

namespace Ricord.Ingest;

/// <summary>Reads the catalog's index attributes from a de-identified instance.</summary>
public static class InstanceRecords
{
    public static InstanceRecord From(DicomFile file, IngestOptions options, string blobKey, long size, string hash)
    {
        var ds = file.Dataset;
        return new InstanceRecord
        {
            Collection = options.Collection,
            SiteCode = options.SiteCode,
            PatientId = ds.GetString(DicomTags.PatientID)!,
            PatientSex = ds.GetString(DicomTags.PatientSex),
            PatientAge = ds.GetString(DicomTags.PatientAge),
            StudyInstanceUid = ds.GetString(DicomTags.StudyInstanceUID)!,
            StudyDate = ds.GetDate(DicomTags.StudyDate),
            StudyTime = ds.GetString(DicomTags.StudyTime),
            AccessionNumber = ds.GetString(DicomTags.AccessionNumber),
            StudyDescription = ds.GetString(DicomTags.StudyDescription),
            SeriesInstanceUid = ds.GetString(DicomTags.SeriesInstanceUID)!,
            Modality = ds.GetString(DicomTags.Modality) ?? "OT",
            SeriesNumber = Int(ds, DicomTags.SeriesNumber),
            SeriesDescription = ds.GetString(DicomTags.SeriesDescription),
            BodyPartExamined = ds.GetString(DicomTags.BodyPartExamined),
            SopInstanceUid = ds.GetString(DicomTags.SOPInstanceUID)!,
            SopClassUid = ds.GetString(DicomTags.SOPClassUID)!,
            InstanceNumber = Int(ds, DicomTags.InstanceNumber),
            TransferSyntaxUid = file.TransferSyntax.Uid,
            BlobKey = blobKey,
            Size = size,
            ContentHash = hash,
            Rows = Int(ds, DicomTags.Rows),
            Columns = Int(ds, DicomTags.Columns),
            NumberOfFrames = Int(ds, DicomTags.NumberOfFrames),
            ImagePositionZ = Doubles(ds, DicomTags.ImagePositionPatient) is { Length: 3 } ipp ? ipp[2] : null,
            SliceThickness = Doubles(ds, DicomTags.SliceThickness) is { Length: > 0 } st ? st[0] : null,
        };
    }

    // Tolerant: a malformed IS/DS value is not indexed rather than failing the instance.
    private static int? Int(DicomDataset ds, DicomTag tag)
    {
        try
        {
            return ds.GetLong(tag) is { } v && v is >= int.MinValue and <= int.MaxValue ? (int)v : null;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            return null;
        }
    }

    private static double[] Doubles(DicomDataset ds, DicomTag tag)
    {
        try
        {
            return ds.GetDoubles(tag);
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
