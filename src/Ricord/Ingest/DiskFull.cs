namespace Ricord.Ingest;

/// <summary>One ingest run's record of a full disk: the first place found full; input stops and the reserve goes once it is.</summary>
internal sealed class DiskFull(CancellationTokenSource stopInput, SpaceReserve? reserve)
{
    private (string Where, Exception Error)? _first;
    private int _seen;

    public bool Seen => Volatile.Read(ref _seen) != 0;

    /// <summary>Records a full disk; true the first time (the reserve was given back just now, so a catalog step may be tried again).</summary>
    public bool Note(string where, Exception error)
    {
        if (Interlocked.Exchange(ref _seen, 1) != 0)
        {
            return false;
        }

        _first = (where, error);
        reserve?.Release();
        try
        {
            stopInput.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run is over already.
        }

        return true;
    }

    public StorageFullException ToException(IngestReport report) =>
        new(_first!.Value.Where, report.Accepted, report.AcceptedBytes, _first.Value.Error);
}
