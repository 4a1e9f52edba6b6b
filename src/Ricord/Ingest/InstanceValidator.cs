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

        if (!file.TransferSyntax.IsKnown)
        {
            // Not a value of the patient's: a UID naming an encoding. Its pixel data cannot be decoded, so neither checked for burned-in text.
            string uid = file.TransferSyntax.Uid is { Length: <= 64 } u && u.All(c => c is '.' or (>= '0' and <= '9')) ? u : "(not a valid UID)";
            return (QuarantineReason.UnknownTransferSyntax, $"transfer syntax {uid} is not known: its pixel data can be neither decoded nor checked");
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
        if (ex.NotDicomReason is { } why)
        {
            return bytes.Length == 0 ? (QuarantineReason.EmptyFile, "empty file (0 bytes)") : (QuarantineReason.NotDicom, $"not a DICOM file: {why}");
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
