using Ricord.Annotation.Projects;

namespace Ricord.Release;

/// <summary>One release build: the spec, the version (X.Y.Z), an empty or absent output folder, the curator the reads
/// are read as, and optionally an earlier release whose split assignments are kept for patients that remain.</summary>
public sealed record ReleaseBuildOptions(ReleaseSpec Spec, string Version, string OutputDirectory, ReadingActor Curator)
{
    public string? PreviousRelease { get; init; }

    /// <summary>Items to leave out (patient pseudonym, Study or Series Instance UID) with the reason; the earlier
    /// release's withdrawn.csv is added to them, so what was withdrawn stays withdrawn.</summary>
    public IReadOnlyList<Withdrawal> Withdrawn { get; init; } = [];

    /// <summary>Instances copied and series converted at once.</summary>
    public int Parallelism { get; init; } = Math.Max(2, Environment.ProcessorCount);

    public IProgress<ReleaseProgress>? Progress { get; init; }
}
