namespace Ricord.Dicom;

/// <summary>A well-known UID of PS3.6 Table A-1: its value, keyword (e.g. CTImageStorage), name and kind.</summary>
public sealed record DicomUid(string Value, string Keyword, string Name, DicomUidType Type, bool IsRetired)
{
    public override string ToString() => Value;
}
