namespace Ricord.Ingest;

/// <summary>What <c>quarantine release</c> did: the ingest <see cref="Outcome"/> of the released item, or, when it was
/// not released, the <see cref="Problem"/> (a message naming the entry, never a value from the data).</summary>
public sealed record QuarantineReleaseResult(long Id, IngestOutcome? Outcome, string? Problem)
{
    /// <summary>Whether the item is now in the catalog (ingested, or already there).</summary>
    public bool Released => Outcome is IngestOutcome.Accepted or IngestOutcome.Duplicate;
}
