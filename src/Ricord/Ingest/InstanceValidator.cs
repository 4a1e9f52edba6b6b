using Ricord.Catalog;
using Ricord.Dicom;

namespace Ricord.Ingest;

/// <summary>
/// Checks an incoming instance before de-identification. Problems name tags and what is wrong, never
/// values (values may be identifiers).
/// </summary>
public static class InstanceValidator
{
    private static readonly (DicomTag Tag, string Keyword)[] RequiredUids =
    [
        (DicomTags.SOPClassUID, "SOPClassUID"),
        (DicomTags.SOPInstanceUID, "SOPInstanceUID"),
        (DicomTags.StudyInstanceUID, "StudyInstanceUID"),
        (DicomTags.SeriesInstanceUID, "SeriesInstanceUID"),
    ];

    private const string MediaStorageDirectory = "1.2.840.10008.1.3.10";

    /// <summary>Null when the instance may proceed; else why it is quarantined.</summary>
    public static (QuarantineReason Reason, string Detail)? Check(DicomFile file, IngestOptions options)
    {
        var ds = file.Dataset;
        if (file.Meta.GetString(DicomTags.MediaStorageSOPClassUID) == MediaStorageDirectory || ds.Contains(DicomTags.DirectoryRecordSequence))
        {
            // Every CD/DVD export has one; told apart from an image with missing UIDs so that the entry can simply be dropped.
            return (QuarantineReason.UnexpectedSopClass, $"a DICOMDIR (Media Storage Directory, {MediaStorageDirectory}): the index of a CD/DVD export, not an instance; its images are ingested from their own files");
        }

        foreach (var (tag, keyword) in RequiredUids)
        {
            string? uid = ds.GetString(tag);
            if (uid is null)
            {
                return (QuarantineReason.MissingUids, $"{keyword} {tag} is missing or empty");
            }

            if (DicomUidGenerator.Problem(uid) is { } problem)
            {
                return (QuarantineReason.MissingUids, $"{keyword} {tag} is not a valid UID: it {problem}");
            }
        }

        if (ds.GetString(DicomTags.PatientID) is null)
        {
            return (QuarantineReason.ConflictingPatientData, "PatientID (0010,0020) is missing or empty: the instance cannot be linked to a patient");
        }

        string sopClass = ds.GetString(DicomTags.SOPClassUID)!;
        if (!options.AllowedSopClasses.Contains(sopClass))
        {
            string name = DicomUids.Find(sopClass)?.Name ?? "an unknown SOP class";
            return (QuarantineReason.UnexpectedSopClass, $"SOP class {sopClass} ({name}) is not accepted by collection {options.Collection}");
        }

        if (ds.GetString(DicomTags.Modality) is null)
        {
            return (QuarantineReason.Other, "Modality (0008,0060) is missing");
        }

        return null;
    }

    /// <summary>Classifies a parse failure: bytes that never looked like DICOM, or DICOM that breaks off.</summary>
    public static (QuarantineReason Reason, string Detail) Classify(ReadOnlySpan<byte> bytes, DicomFormatException ex)
    {
        bool part10 = bytes.Length >= 132 && bytes.Slice(128, 4).SequenceEqual("DICM"u8);
        bool plausibleDataset = bytes.Length >= 8 && bytes[1] == 0 && bytes[0] is 0x02 or 0x08;
        if (!part10 && !plausibleDataset)
        {
            return (QuarantineReason.NotDicom, $"not a DICOM file (no DICM prefix, and the first bytes are not a data element; {bytes.Length} bytes)");
        }

        string where = ex.Tag is { } t ? $"element {t} at byte {ex.Offset}" : $"byte {ex.Offset}";
        return (QuarantineReason.Truncated, $"malformed or truncated DICOM at {where}: {Describe(ex)}");
    }

    // The exception message starts with the source name (a path, possibly naming the patient): keep only what follows.
    private static string Describe(DicomFormatException ex)
    {
        string m = ex.Message;
        if (ex.SourceName is { } s && m.StartsWith(s, StringComparison.Ordinal))
        {
            m = m[(s.Length + 2)..];
        }

        return m;
    }
}
