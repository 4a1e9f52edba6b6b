namespace Ricord.Deid;

/// <summary>Facts about each option: its Table E.1-1 column and its CID 7050 code (PS3.16).</summary>
internal static class DeidOptionInfo
{
    public const string BasicProfileCode = "113100";
    public const string BasicProfileMeaning = "Basic Application Confidentiality Profile";

    public static string Column(DeidOption option) => option switch
    {
        DeidOption.RetainSafePrivate => "rtnSafePrivOpt",
        DeidOption.RetainUids => "rtnUIDsOpt",
        DeidOption.RetainDeviceIdentity => "rtnDevIdOpt",
        DeidOption.RetainInstitutionIdentity => "rtnInstIdOpt",
        DeidOption.RetainPatientCharacteristics => "rtnPatCharsOpt",
        DeidOption.RetainLongitudinalFullDates => "rtnLongFullDatesOpt",
        DeidOption.RetainLongitudinalModifiedDates => "rtnLongModifDatesOpt",
        DeidOption.CleanDescriptors => "cleanDescOpt",
        DeidOption.CleanStructuredContent => "cleanStructContOpt",
        DeidOption.CleanGraphics => "cleanGraphOpt",
        _ => throw new ArgumentOutOfRangeException(nameof(option)),
    };

    /// <summary>CID 7050 "De-identification Method" code value and meaning (scheme DCM).</summary>
    public static (string Code, string Meaning) Code(DeidOption option) => option switch
    {
        DeidOption.CleanGraphics => ("113103", "Clean Graphics Option"),
        DeidOption.CleanStructuredContent => ("113104", "Clean Structured Content Option"),
        DeidOption.CleanDescriptors => ("113105", "Clean Descriptors Option"),
        DeidOption.RetainLongitudinalFullDates => ("113106", "Retain Longitudinal Temporal Information Full Dates Option"),
        DeidOption.RetainLongitudinalModifiedDates => ("113107", "Retain Longitudinal Temporal Information Modified Dates Option"),
        DeidOption.RetainPatientCharacteristics => ("113108", "Retain Patient Characteristics Option"),
        DeidOption.RetainDeviceIdentity => ("113109", "Retain Device Identity Option"),
        DeidOption.RetainUids => ("113110", "Retain UIDs Option"),
        DeidOption.RetainSafePrivate => ("113111", "Retain Safe Private Option"),
        DeidOption.RetainInstitutionIdentity => ("113112", "Retain Institution Identity Option"),
        _ => throw new ArgumentOutOfRangeException(nameof(option)),
    };

    public static IEnumerable<DeidOption> All => Enum.GetValues<DeidOption>();
}
