using Ricord.Release;

namespace Ricord.Cli.Commands;

/// <summary>What `ricord release build` was given (the demo builds one too).</summary>
public sealed record ReleaseBuildArguments(IReadOnlyList<string> Collections, string Version, DirectoryInfo Output)
{
    public FileInfo? Spec { get; init; }

    public DirectoryInfo? Previous { get; init; }

    public FileInfo? Withdrawn { get; init; }

    public bool Gzip { get; init; }

    public bool Nnunet { get; init; }

    public string Actor { get; init; } = "release";

    public IReadOnlyList<string> Sites { get; init; } = [];

    public IReadOnlyList<string> Modalities { get; init; } = [];

    public IReadOnlyList<string> Projects { get; init; } = [];

    /// <summary>PROJECT=LABEL or PROJECT/GROUP=LABEL selectors.</summary>
    public IReadOnlyList<string> Consensus { get; init; } = [];

    /// <summary>A saved query (JSON or YAML with the keys of the spec's "query").</summary>
    public FileInfo? Query { get; init; }

    /// <summary>The spec with what the command line gave in place of the spec's values (so the manifest records it all).</summary>
    public async Task<ReleaseSpec> ApplyAsync(ReleaseSpec spec, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec = Collections.Count > 0 ? spec with { Collections = [.. Collections] } : spec;
        spec = Sites.Count > 0 ? spec with { Sites = [.. Sites] } : spec;
        spec = Modalities.Count > 0 ? spec with { Modalities = [.. Modalities] } : spec;
        spec = Projects.Count > 0 ? spec with { Projects = [.. Projects] } : spec;
        spec = Consensus.Count > 0 ? spec with { Consensus = [.. Consensus.Select(ReleaseConsensusSelector.Parse)] } : spec;
        spec = Query is null ? spec : spec with { Query = ReleaseQuery.ParseFile(Query.Name, await File.ReadAllTextAsync(Query.FullName, ct).ConfigureAwait(false)) };
        spec = Gzip ? spec with { Gzip = true } : spec;
        spec = Nnunet ? spec with { Nnunet = true } : spec;
        spec = WithOutputs(spec);
        spec.Validate();
        return spec;
    }

    /// <summary>The optional outputs given on the command line (null: the spec's).</summary>
    public string? DicomLayout { get; init; }

    public string? Recompress { get; init; }

    public bool LabelFiles { get; init; }

    public string? Radiographs { get; init; }

    public bool LabelmapSeg { get; init; }

    public bool Decathlon { get; init; }

    /// <summary>The spec with the optional outputs given on the command line set.</summary>
    public ReleaseSpec WithOutputs(ReleaseSpec spec) => spec with
    {
        DicomLayout = DicomLayout ?? spec.DicomLayout,
        Recompress = Recompress ?? spec.Recompress,
        LabelFiles = LabelFiles || spec.LabelFiles,
        Radiographs = Radiographs ?? spec.Radiographs,
        LabelmapSeg = LabelmapSeg || spec.LabelmapSeg,
        Decathlon = Decathlon || spec.Decathlon,
    };
}
