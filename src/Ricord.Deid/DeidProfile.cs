using System.Text.Json;
using System.Text.Json.Serialization;
using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>
/// A de-identification profile as data: PS3.15 Annex E's Basic Profile plus the enabled options,
/// per-tag overrides, the safe private allowlist, the UID root and the date shift range. Loaded
/// from and saved to JSON so that a curator can read and adjust it.
/// </summary>
public sealed partial record DeidProfile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Enabled options, by their Table E.1-1 column name in JSON.</summary>
    public IReadOnlyList<DeidOption> Options { get; init; } = [];

    /// <summary>Per-tag actions that win over the table: "(0008,1030)" → "X".</summary>
    public IReadOnlyDictionary<string, string> Overrides { get; init; } = new Dictionary<string, string>();

    /// <summary>Private attributes kept when <see cref="DeidOption.RetainSafePrivate"/> is on; every other private element is removed.</summary>
    public IReadOnlyList<SafePrivateAttribute> SafePrivate { get; init; } = [];

    /// <summary>Root for remapped UIDs. "2.25" gives UUID-derived UIDs (PS3.5 B.2); an organisation root works too.</summary>
    public string UidRoot { get; init; } = "2.25";

    public DateShiftRange DateShift { get; init; } = DateShiftRange.Default;

    /// <summary>Words added to the built-in safe vocabulary that Clean keeps in descriptors (upper case).</summary>
    public IReadOnlyList<string> SafeWords { get; init; } = [];

    /// <summary>
    /// When not empty, the profile is an allowlist: only these standard attributes ("(gggg,eeee)") are kept (UIDs
    /// remapped, dates shifted or removed by the options), at every depth; every other attribute is removed.
    /// </summary>
    public IReadOnlyList<string> KeepOnly { get; init; } = [];

    public bool Has(DeidOption option) => Options.Contains(option);

    public static DeidProfile Parse(string json)
    {
        DeidProfile? p;
        try
        {
            p = JsonSerializer.Deserialize<DeidProfile>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new DeidentificationException($"Profile JSON is invalid at {ex.Path ?? "$"} (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        if (p is null)
        {
            throw new DeidentificationException("Profile JSON is null.");
        }

        p.Validate();
        return p;
    }

    public static DeidProfile Load(string path) => Parse(File.ReadAllText(path));

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Checks everything a profile can get wrong; throws <see cref="DeidentificationException"/>.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new DeidentificationException("Profile has no name.");
        }

        if (Has(DeidOption.RetainLongitudinalFullDates) && Has(DeidOption.RetainLongitudinalModifiedDates))
        {
            throw new DeidentificationException("Options rtnLongFullDatesOpt and rtnLongModifDatesOpt exclude each other (PS3.15 E.3.6).");
        }

        foreach (var (tag, action) in Overrides)
        {
            if (!DicomTag.TryParse(tag, out _))
            {
                throw new DeidentificationException($"Override key '{tag}' is not a tag; write (gggg,eeee).");
            }

            ActionCodes.Parse(action);
        }

        foreach (var tag in KeepOnly)
        {
            if (!DicomTag.TryParse(tag, out _))
            {
                throw new DeidentificationException($"keepOnly entry '{tag}' is not a tag; write (gggg,eeee).");
            }
        }

        foreach (var s in SafePrivate)
        {
            s.Parse();
        }

        string? problem = DicomUidGenerator.Problem(UidRoot) ?? (UidRoot.Length > 40 ? "is longer than 40 characters" : null);
        if (problem is not null)
        {
            throw new DeidentificationException($"UID root {problem}.");
        }

        DateShift.Validate();
    }
}
