namespace Ricord.Release;

/// <summary>
/// A saved study query in a release spec: the filters of <c>ricord query</c> (docs/release.md), with the same meaning —
/// DICOM wildcards (* and ?) in <see cref="Patient"/> and <see cref="Accession"/>, a StudyDate or range in
/// <see cref="Date"/> (20200101, 20200101-20201231, -20201231, 20200101-), a modality in the study, a description that
/// contains the text (case-insensitive). Only studies that match every given filter are released.
/// </summary>
public sealed record ReleaseQuery
{
    public string? Patient { get; init; }

    public string? Date { get; init; }

    public string? Modality { get; init; }

    public string? Accession { get; init; }

    public string? Description { get; init; }

    /// <summary>A saved query file (JSON, or YAML when named *.yaml / *.yml) with the keys above; unknown keys are refused.</summary>
    public static ReleaseQuery ParseFile(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        string json = fileName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            ? ReleaseSpecYaml.ToJson(text) : text;
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<ReleaseQuery>(json, ReleaseSpec.JsonOptions) ?? throw new ReleaseException($"the saved query {fileName} is empty");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ReleaseException($"the saved query {fileName} is not valid: {e.Message}", e);
        }
    }

    internal Catalog.StudyQuery ToStudyQuery()
    {
        var range = Date is { } d ? Dicom.DicomDateRange.Parse(d) ?? throw new ReleaseException($"query.date '{d}' is not a date or range (YYYYMMDD[-YYYYMMDD])") : null;
        return new Catalog.StudyQuery
        {
            PatientId = Patient, StudyDateFrom = range?.From, StudyDateTo = range?.To, Modality = Modality, AccessionNumber = Accession, StudyDescription = Description,
        };
    }
}
