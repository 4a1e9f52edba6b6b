namespace Ricord.Ingest;

/// <summary>Where instances go and how hard to work.</summary>
public sealed class IngestOptions
{
    public required string Collection { get; init; }

    public required string SiteCode { get; init; }

    /// <summary>The collection's description in the catalog when its identifiers are kept as published.</summary>
    public const string PublishedDescription = "public, identifiers as published";

    /// <summary>De-identify (default), or keep a public release's identifiers as published.</summary>
    public IdentifierMode Identifiers { get; init; } = IdentifierMode.Deidentify;

    /// <summary>Who is ingesting (audit trail).</summary>
    public string Actor { get; init; } = Environment.UserName;

    /// <summary>Instances processed at once; memory is bounded by about twice this many instances.</summary>
    public int Parallelism { get; init; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Most instances made durable and indexed together in one group commit.</summary>
    public int CommitBatchSize { get; init; } = 128;

    /// <summary>How long a group commit waits, after its first instance, for more instances to join it. Workers go on
    /// preparing instances meanwhile, so the wait costs latency, not throughput.</summary>
    public TimeSpan CommitWindow { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>SOP classes the collection takes; anything else is quarantined as UnexpectedSopClass.</summary>
    public IReadOnlySet<string> AllowedSopClasses { get; init; } = SopClassPolicy.ChestImaging;
}
