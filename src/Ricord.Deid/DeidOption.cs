using System.Text.Json.Serialization;

namespace Ricord.Deid;

/// <summary>
/// The options of PS3.15 E.3, named in JSON by their column of Table E.1-1
/// (so a curator can read a profile next to the table).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeidOption>))]
public enum DeidOption
{
    [JsonStringEnumMemberName("rtnSafePrivOpt")]
    RetainSafePrivate,

    [JsonStringEnumMemberName("rtnUIDsOpt")]
    RetainUids,

    [JsonStringEnumMemberName("rtnDevIdOpt")]
    RetainDeviceIdentity,

    [JsonStringEnumMemberName("rtnInstIdOpt")]
    RetainInstitutionIdentity,

    [JsonStringEnumMemberName("rtnPatCharsOpt")]
    RetainPatientCharacteristics,

    [JsonStringEnumMemberName("rtnLongFullDatesOpt")]
    RetainLongitudinalFullDates,

    [JsonStringEnumMemberName("rtnLongModifDatesOpt")]
    RetainLongitudinalModifiedDates,

    [JsonStringEnumMemberName("cleanDescOpt")]
    CleanDescriptors,

    [JsonStringEnumMemberName("cleanStructContOpt")]
    CleanStructuredContent,

    [JsonStringEnumMemberName("cleanGraphOpt")]
    CleanGraphics,
}
