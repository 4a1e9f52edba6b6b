using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>
/// Burned-in text rules as data (embedded <c>Deid/Data/pixel-rules.json</c>, or a curator's own file): device
/// models known to draw identifiers into their images, and pixel regions to blank by make, model and image size.
/// </summary>
public sealed class PixelRules
{
    private const string ResourceName = "Ricord.Deid.pixel-rules.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly Lazy<PixelRules> Embedded = new(() =>
    {
        using var stream = typeof(PixelRules).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new DeidentificationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    public IReadOnlyList<DeviceRule> Devices { get; init; } = [];

    public IReadOnlyList<BlankingRule> Blanking { get; init; } = [];

    public static PixelRules Default => Embedded.Value;

    public static PixelRules Parse(string json)
    {
        PixelRules? rules;
        try
        {
            rules = JsonSerializer.Deserialize<PixelRules>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new DeidentificationException($"Pixel rules JSON is invalid at {ex.Path ?? "$"}: {ex.Message}", ex);
        }

        if (rules is null)
        {
            throw new DeidentificationException("Pixel rules JSON is null.");
        }

        foreach (var b in rules.Blanking)
        {
            b.Validate();
            ValidatePattern(b.Name, b.Model);
        }

        foreach (var d in rules.Devices)
        {
            ValidatePattern($"{d.Manufacturer} {d.Model}", d.Model);
        }

        return rules;
    }

    /// <summary>The device rule that says <paramref name="ds"/>'s device burns in text, if any.</summary>
    public DeviceRule? MatchDevice(DicomDataset ds)
    {
        var device = Device(ds);
        if (_deviceVerdicts.Count > 1024)
        {
            _deviceVerdicts.Clear(); // bounded, whatever the input claims to be
        }

        // A site sends thousands of instances from a handful of devices: decide each (make, model) once.
        return _deviceVerdicts.GetOrAdd(device, d =>
        {
            foreach (var rule in Devices)
            {
                if (Matches(d.Make, d.Model, rule.Manufacturer, rule.Model))
                {
                    return rule;
                }
            }

            return null;
        });
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Make, string Model), DeviceRule?> _deviceVerdicts = new();

    /// <summary>The first blanking rule for <paramref name="ds"/>'s make, model, size and image type, if any.</summary>
    public BlankingRule? MatchBlanking(DicomDataset ds)
    {
        int rows = ds.GetInt(new DicomTag(0x00280010)) ?? -1;
        int columns = ds.GetInt(new DicomTag(0x00280011)) ?? -1;
        var imageType = ds.GetStrings(new DicomTag(0x00080008)).Select(v => v.Trim().ToUpperInvariant()).ToHashSet();
        return Blanking.FirstOrDefault(b => b.Rows == rows && b.Columns == columns
            && (string.IsNullOrEmpty(b.ImageType) || imageType.Contains(b.ImageType.ToUpperInvariant()))
            && Matches(Device(ds), b.Manufacturer, b.Model));
    }

    private static (string Make, string Model) Device(DicomDataset ds) =>
        ((ds.GetText(DeidTags.Manufacturer) ?? "").Trim(), (ds.GetText(new DicomTag(0x00081090)) ?? "").Trim());

    private static bool Matches((string Make, string Model) device, string manufacturer, string model) =>
        Matches(device.Make, device.Model, manufacturer, model);

    private static bool Matches(string make, string name, string manufacturer, string model)
    {
        if (manufacturer.Length > 0 && !make.StartsWith(manufacturer, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (manufacturer.Length == 0 && name.Length == 0)
        {
            return false;
        }

        return Pattern(model).IsMatch(name);
    }

    /// <summary>A model pattern as a regular expression. The non-backtracking engine matches in time linear in the
    /// input whatever the pattern, so a curator's rule can neither hang ingest nor need a timeout that a loaded
    /// machine would trip; a pattern it cannot run (back-references, look-arounds) is refused when the rules load.</summary>
    private static Regex Pattern(string model) => Patterns.GetOrAdd(model, m =>
        new Regex(m, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));

    private static void ValidatePattern(string rule, string model)
    {
        try
        {
            _ = Pattern(model);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            throw new DeidentificationException($"Pixel rule '{rule}': model pattern is not a usable regular expression: {ex.Message}", ex);
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>A device known to burn identifiers into its images.</summary>
    public sealed record DeviceRule(string Manufacturer, string Model, string Reason);

    /// <summary>Regions (x, y, width, height) to blank on images of one make, model and size.</summary>
    public sealed record BlankingRule(string Name, string Manufacturer, string Model, int Rows, int Columns, IReadOnlyList<int[]> Regions)
    {
        [JsonPropertyName("imageType")]
        public string? ImageType { get; init; }

        internal void Validate()
        {
            foreach (var r in Regions)
            {
                if (r.Length != 4 || r[0] < 0 || r[1] < 0 || r[2] <= 0 || r[3] <= 0 || r[0] + r[2] > Columns || r[1] + r[3] > Rows)
                {
                    throw new DeidentificationException($"Blanking rule '{Name}' has a region that is not x, y, width, height inside {Columns}x{Rows}.");
                }
            }
        }
    }
}
