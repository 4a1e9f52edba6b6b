using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ricord.Release;

/// <summary>
/// What a release holds and how it is cut, as JSON (docs/release.md): the same spec, version and catalog give the
/// same bytes. Recorded in manifest.json, so a release says how to rebuild it.
/// </summary>
public sealed partial record ReleaseSpec
{
    internal static JsonSerializerOptions JsonOptions => Json;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The dataset's name (dataset card title); default: the collections joined by '+'.</summary>
    public string? Name { get; init; }

    /// <summary>Collections to release (at least one).</summary>
    public IReadOnlyList<string> Collections { get; init; } = [];

    /// <summary>Only these contributing sites (codes); empty: all.</summary>
    public IReadOnlyList<string> Sites { get; init; } = [];

    /// <summary>Only series of these modalities; empty: all.</summary>
    public IReadOnlyList<string> Modalities { get; init; } = [];

    /// <summary>Only studies that match this saved query (the filters of <c>ricord query</c>); null: every study.</summary>
    public ReleaseQuery? Query { get; init; }

    /// <summary>Only studies with one of these consensus labels (any selector); empty: every study.</summary>
    public IReadOnlyList<ReleaseConsensusSelector> Consensus { get; init; } = [];

    /// <summary>Reading projects whose reads, labels and masks go in; null: every project of the collections.</summary>
    public IReadOnlyList<string>? Projects { get; init; }

    /// <summary>Seed of the split assignment.</summary>
    public int Seed { get; init; } = 1;

    public ReleaseSplitFractions Splits { get; init; } = new();

    public string License { get; init; } = "CC BY-NC 4.0";

    /// <summary>Write NIfTI files gzip-compressed (.nii.gz, multi-member, <see cref="ParallelGzip"/>).</summary>
    public bool Gzip { get; init; }

    /// <summary>Also write the nnU-Net v2 raw-data layout (nnunet/), copies of the volumes that have label maps.</summary>
    public bool Nnunet { get; init; }

    /// <summary>A spec file: YAML when it is named *.yaml or *.yml (the same keys), JSON otherwise.</summary>
    public static ReleaseSpec ParseFile(string fileName, string text) =>
        Parse(fileName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            ? ReleaseSpecYaml.ToJson(text) : text);

    public static ReleaseSpec Parse(string json)
    {
        ReleaseSpec spec;
        try
        {
            spec = JsonSerializer.Deserialize<ReleaseSpec>(json, Json) ?? throw new ReleaseException("the release spec is empty");
        }
        catch (JsonException e)
        {
            throw new ReleaseException($"the release spec is not valid: {e.Message}", e);
        }

        spec.Validate();
        return spec;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public JsonElement ToJsonElement() => JsonSerializer.SerializeToElement(this, Json);

    public void Validate()
    {
        if (Collections.Count == 0)
        {
            throw new ReleaseException("the release spec names no collection");
        }

        if (Splits.Train < 0 || Splits.Validation < 0 || Splits.Test < 0 || Math.Abs(Splits.Train + Splits.Validation + Splits.Test - 1) > 1e-9)
        {
            throw new ReleaseException("split fractions must be non-negative and add up to 1");
        }

        if (Query?.Date is { } date && Dicom.DicomDateRange.Parse(date) is null)
        {
            throw new ReleaseException($"query.date '{date}' is not a date or range (YYYYMMDD[-YYYYMMDD])");
        }

        if (Consensus.FirstOrDefault(c => c.Project.Length == 0 || c.Labels.Count == 0) is { } bad)
        {
            throw new ReleaseException($"a consensus selector needs a project and at least one label (project '{bad.Project}')");
        }

        ValidateOutputs();
    }
}
