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

    /// <summary>The optional outputs given on the command line (null: the spec's).</summary>
    public string? DicomLayout { get; init; }

    public string? Recompress { get; init; }

    public bool LabelFiles { get; init; }

    public string? Radiographs { get; init; }

    public bool LabelmapSeg { get; init; }

    public bool Decathlon { get; init; }

    /// <summary>The spec with the optional outputs given on the command line set.</summary>
    public Ricord.Release.ReleaseSpec WithOutputs(Ricord.Release.ReleaseSpec spec) => spec with
    {
        DicomLayout = DicomLayout ?? spec.DicomLayout,
        Recompress = Recompress ?? spec.Recompress,
        LabelFiles = LabelFiles || spec.LabelFiles,
        Radiographs = Radiographs ?? spec.Radiographs,
        LabelmapSeg = LabelmapSeg || spec.LabelmapSeg,
        Decathlon = Decathlon || spec.Decathlon,
    };
}
