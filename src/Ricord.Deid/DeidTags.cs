using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>The tags the engine itself reads or writes (kept here so the engine does not depend on the generated dictionary).</summary>
internal static class DeidTags
{
    public static readonly DicomTag MediaStorageSOPInstanceUID = new(0x00020003);
    public static readonly DicomTag SourceApplicationEntityTitle = new(0x00020016);
    public static readonly DicomTag SendingApplicationEntityTitle = new(0x00020017);
    public static readonly DicomTag ReceivingApplicationEntityTitle = new(0x00020018);
    public static readonly DicomTag PrivateInformationCreatorUID = new(0x00020100);
    public static readonly DicomTag PrivateInformation = new(0x00020102);
    public static readonly DicomTag SpecificCharacterSet = new(0x00080005);
    public static readonly DicomTag SOPClassUID = new(0x00080016);
    public static readonly DicomTag SOPInstanceUID = new(0x00080018);
    public static readonly DicomTag Modality = new(0x00080060);
    public static readonly DicomTag Manufacturer = new(0x00080070);
    public static readonly DicomTag CodeValue = new(0x00080100);
    public static readonly DicomTag CodingSchemeDesignator = new(0x00080102);
    public static readonly DicomTag CodeMeaning = new(0x00080104);
    public static readonly DicomTag TimezoneOffsetFromUTC = new(0x00080201);
    public static readonly DicomTag PatientName = new(0x00100010);
    public static readonly DicomTag PatientID = new(0x00100020);
    public static readonly DicomTag PatientBirthDate = new(0x00100030);
    public static readonly DicomTag PatientIdentityRemoved = new(0x00120062);
    public static readonly DicomTag DeidentificationMethod = new(0x00120063);
    public static readonly DicomTag DeidentificationMethodCodeSequence = new(0x00120064);
    public static readonly DicomTag StudyInstanceUID = new(0x0020000D);
    public static readonly DicomTag SeriesInstanceUID = new(0x0020000E);
    public static readonly DicomTag BurnedInAnnotation = new(0x00280301);
    public static readonly DicomTag LongitudinalTemporalInformationModified = new(0x00280303);

    /// <summary>UI attributes that name a class, syntax or scheme, not an instance: kept when the table does not list them.</summary>
    public static readonly HashSet<uint> ClassUids =
    [
        0x00020002, // Media Storage SOP Class UID
        0x00020010, // Transfer Syntax UID
        0x00020012, // Implementation Class UID
        0x00041510, // Referenced SOP Class UID in File
        0x00041512, // Referenced Transfer Syntax UID in File
        0x00080016, // SOP Class UID
        0x0008001A, // Related General SOP Class UID
        0x0008001B, // Original Specialized SOP Class UID
        0x0008010C, // Coding Scheme UID
        0x0008010D, // Context Group Extension Creator UID
        0x00080118, // Mapping Resource UID
        0x00081150, // Referenced SOP Class UID
        0x0008115A, // SOP Classes Supported
    ];
}
