namespace Ricord.Release;

/// <summary>What to verify: the release folder, and the identifiers no byte may contain (the link table's original
/// patient IDs, and any others, e.g. names a site reported).</summary>
public sealed record ReleaseVerifyOptions(string ReleaseDirectory)
{
    public IReadOnlyList<string> Identifiers { get; init; } = [];

    public int Parallelism { get; init; } = Math.Max(2, Environment.ProcessorCount);

    public IProgress<ReleaseProgress>? Progress { get; init; }
}
