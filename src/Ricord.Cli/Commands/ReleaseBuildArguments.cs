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
}
