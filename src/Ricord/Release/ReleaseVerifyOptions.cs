namespace Ricord.Release;

/// <summary>What to verify: the release folder, and the identifiers no byte may contain (the link table's original
/// patient IDs, and any others, e.g. names a site reported).</summary>
public sealed record ReleaseVerifyOptions(string ReleaseDirectory)
{
    /// <summary>Identifiers searched as they are and, by the residual rules, as IDs (the link table's original patient IDs).</summary>
    public IReadOnlyList<string> Identifiers { get; init; } = [];

    /// <summary>More known identities, one per line: "name:FAMILY^GIVEN" (words of 3+ characters), "birthdate:YYYYMMDD" (common
    /// formats), "id:VALUE", or a plain value (its words and itself); searched as written and by the residual rules.</summary>
    public IReadOnlyList<string> Identities { get; init; } = [];

    public int Parallelism { get; init; } = Math.Max(2, Environment.ProcessorCount);

    public IProgress<ReleaseProgress>? Progress { get; init; }
}
