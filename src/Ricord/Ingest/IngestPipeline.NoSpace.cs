namespace Ricord.Ingest;

/// <summary>A full disk (docs/ingest.md, "Disk full"): stop taking input, index what was stored, say how much.</summary>
public sealed partial class IngestPipeline
{
    private DiskFull? _diskFull;

    /// <summary>Space held back for the catalog during a run (the CLI keeps it in the data directory); none by default.</summary>
    public SpaceReserve? Reserve { get; init; }

    /// <summary>A catalog step that failed for a full disk is tried once more right after the reserve is given back.</summary>
    private async Task<T> WithReserveAsync<T>(Func<Task<T>> step)
    {
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (Exception ex) when (NoSpace.What(ex) is { } where && _diskFull is { } full && full.Note(where, ex) && Reserve is not null)
        {
            return await step().ConfigureAwait(false);
        }
    }
}
