using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>
/// Code sequence items (PS3.3 8.8): a concept from a public coding scheme (DCM, SNOMED CT, LOINC, RadLex,
/// UCUM, …) names a thing, never a person, so its code value and scheme are kept; its meaning is kept only
/// when it is the known meaning of the code or reads entirely in the descriptor vocabulary, and is otherwise
/// replaced by the code value. A concept from any other scheme (a hospital's local codes, an employee
/// number in a Person Identification Code Sequence) is cleaned by the vocabulary, scheme designator included.
/// </summary>
internal static class CodedConcepts
{
    public static readonly DicomTag CodeValue = new(0x00080100);
    public static readonly DicomTag CodingSchemeDesignator = new(0x00080102);
    public static readonly DicomTag CodingSchemeVersion = new(0x00080103);
    public static readonly DicomTag CodeMeaning = new(0x00080104);
    public static readonly DicomTag LongCodeValue = new(0x00080119);
    public static readonly DicomTag UrnCodeValue = new(0x00080120);

    /// <summary>The value tags that are not the short Code Value.</summary>
    public static readonly DicomTag[] LongValueTags = [LongCodeValue, UrnCodeValue];

    /// <summary>The text a local scheme's item carries.</summary>
    public static readonly DicomTag[] LocalTextTags = [CodeValue, CodeMeaning, CodingSchemeVersion, LongCodeValue];

    /// <summary>Written for an item whose local scheme designator does not survive cleaning.</summary>
    public const string LocalScheme = "99LOCAL";

    /// <summary>Public coding schemes (PS3.16 Section 8): their codes identify concepts, not people.</summary>
    public static readonly HashSet<string> SafeSchemes = new(StringComparer.Ordinal)
    {
        "DCM", "SCT", "SRT", "SNM3", "LN", "RADLEX", "UCUM", "NCIT", "FMA", "UMLS", "I10", "I10P", "I9C", "ICD10", "MSH",
        "NEU", "NICIP", "RFC5646", "ISO3166_1", "ISO639_1", "ISO639_2", "UBERON", "MDC", "ACR", "BARI", "CD2",
    };

    /// <summary>Known meanings of codes that Ricord itself writes or that chest imaging commonly carries.</summary>
    private static readonly Dictionary<(string Scheme, string Value), string> KnownMeanings = new()
    {
        [("SCT", "51185008")] = "Chest",
        [("SCT", "39607008")] = "Lung",
        [("SCT", "77477000")] = "CT",
        [("SCT", "168537006")] = "Plain chest X-ray",
        [("DCM", "113100")] = "Basic Application Confidentiality Profile",
        [("DCM", "113101")] = "Clean Pixel Data Option",
        [("DCM", "113105")] = "Clean Descriptors Option",
        [("DCM", "113106")] = "Retain Longitudinal Temporal Information Full Dates Option",
        [("DCM", "113107")] = "Retain Longitudinal Temporal Information Modified Dates Option",
        [("DCM", "113108")] = "Retain Patient Characteristics Option",
        [("DCM", "113109")] = "Retain Device Identity Option",
        [("DCM", "113111")] = "Retain Safe Private Option",
        [("DCM", "113112")] = "Retain Institution Identity Option",
        [("DCM", "113104")] = "Clean Structured Content Option",
        [("DCM", "113103")] = "Clean Graphics Option",
        [("DCM", "113110")] = "Retain UIDs Option",
    };

    public static bool IsCodeItem(DicomDataset item) => item.Contains(CodingSchemeDesignator) || item.Contains(CodeValue);

    public static bool IsCodeTag(DicomTag tag) =>
        tag == CodeValue || tag == CodingSchemeDesignator || tag == CodingSchemeVersion || tag == CodeMeaning || tag == LongCodeValue || tag == UrnCodeValue;

    public static string SchemeOf(DicomDataset item) =>
        (item.GetString(CodingSchemeDesignator) ?? "").Trim().ToUpperInvariant();

    public static bool IsSafeScheme(string scheme) => SafeSchemes.Contains(scheme) || scheme.StartsWith("SCT", StringComparison.Ordinal);

    public static string? KnownMeaning(string scheme, string value) => KnownMeanings.GetValueOrDefault((scheme == "SRT" ? "SCT" : scheme, value));
}
