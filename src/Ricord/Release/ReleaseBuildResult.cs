namespace Ricord.Release;

/// <summary>What a build wrote.</summary>
public sealed record ReleaseBuildResult(
    string OutputDirectory,
    string Version,
    int Patients,
    int Studies,
    int Series,
    int Instances,
    int Volumes,
    int LabelMaps,
    IReadOnlyList<ExcludedSeries> Excluded,
    int Files,
    long Bytes,
    int Seed,
    IReadOnlyList<string> Issues)
{
    /// <summary>Files of an interrupted build of the same spec kept as they were (0 for a build from an empty folder).</summary>
    public int KeptFiles { get; init; }
}
