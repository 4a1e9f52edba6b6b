using System.Text.Json;
using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>
/// PS3.15 Table E.1-1 (2024e), read from the embedded JSON: for each attribute, the Basic Profile
/// action and the action of each option column that names one.
/// </summary>
internal sealed class ConfidentialityProfileTable
{
    private const string ResourceName = "Ricord.Deid.confidentiality_profile_attributes.json";

    private static readonly Lazy<ConfidentialityProfileTable> Embedded = new(Load);

    private ConfidentialityProfileTable(IReadOnlyList<Row> rows) => Rows = rows;

    public static ConfidentialityProfileTable Standard => Embedded.Value;

    public IReadOnlyList<Row> Rows { get; }

    /// <summary>One row of Table E.1-1; <see cref="Pattern"/> is null for the private-attributes row.</summary>
    internal sealed record Row(string Name, DicomTagPattern? Pattern, DeidAction Basic, IReadOnlyDictionary<DeidOption, DeidAction> Options);

    private static ConfidentialityProfileTable Load()
    {
        using var stream = typeof(ConfidentialityProfileTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new DeidentificationException($"The embedded resource {ResourceName} is missing from the build.");
        using var doc = JsonDocument.Parse(stream);
        var rows = new List<Row>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            string name = e.GetProperty("name").GetString() ?? "";
            string tag = e.GetProperty("tag").GetString() ?? "";
            var basic = ActionCodes.Parse(e.GetProperty("basicProfile").GetString() ?? "");
            var options = new Dictionary<DeidOption, DeidAction>();
            foreach (var option in DeidOptionInfo.All)
            {
                if (e.TryGetProperty(DeidOptionInfo.Column(option), out var v) && ActionCodes.TryParse(v.GetString(), out var a))
                {
                    options[option] = a;
                }
            }

            // "(GGGG,EEEE) WHERE GGGG IS ODD" is the private-attributes row: no pattern, handled by the allowlist.
            var pattern = tag.Contains("GGGG", StringComparison.OrdinalIgnoreCase) ? (DicomTagPattern?)null : DicomTagPattern.TryParse(tag)
                ?? throw new DeidentificationException($"Table E.1-1 row '{name}' has an unreadable tag '{tag}'.");
            rows.Add(new Row(name, pattern, basic, options));
        }

        return new ConfidentialityProfileTable(rows);
    }
}
