namespace Ricord.Dicom;

/// <summary>The UID type column of PS3.6 Table A-1, for the kinds Ricord lists.</summary>
public enum DicomUidType
{
    SopClass,
    TransferSyntax,
    ApplicationContextName,
    CodingScheme,
}
