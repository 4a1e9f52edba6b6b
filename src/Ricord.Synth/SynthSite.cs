namespace Ricord.Synth;

/// <summary>One contributing hospital and its export conventions.</summary>
internal sealed record SynthSite(
    string Id,
    string InstitutionName,
    string InstitutionAddress,
    string Manufacturer,
    string CtModel,
    string XrModel,
    string StationPrefix,
    string UidRoot,
    string? CharacterSet,
    SynthVendorStyle Style,
    bool RadiographsAsCr,
    string CsvDateFormat,
    string AccessionFormat,
    string[] FamilyNames,
    string[] GivenNames,
    string[] Physicians,
    string[] Streets,
    string City)
{
    /// <summary>The bytes' encoding for text, as (0008,0005) says.</summary>
    public System.Text.Encoding Encoding => CharacterSet == "ISO_IR 192" ? System.Text.Encoding.UTF8 : System.Text.Encoding.Latin1;
}
