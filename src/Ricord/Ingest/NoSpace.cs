using Microsoft.Data.Sqlite;

namespace Ricord.Ingest;

/// <summary>Tells a full disk (ENOSPC, or SQLite's SQLITE_FULL) from every other failure.</summary>
internal static class NoSpace
{
    private const int Enospc = 28;
    private const int ErrorDiskFull = 112;
    private const int ErrorHandleDiskFull = 39;
    private const int SqliteFull = 13;

    /// <summary>What could not be written when <paramref name="ex"/> (or an exception inside it) is a full disk; else null.</summary>
    public static string? What(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case StorageFullException full:
                    return full.Where;
                case SqliteException { SqliteErrorCode: SqliteFull }:
                    return "the catalog database";
                case IOException when (ex.HResult & 0xFFFF) is Enospc or ErrorDiskFull or ErrorHandleDiskFull
                    || ex.Message.Contains("No space left on device", StringComparison.Ordinal):
                    return "the data directory (instance blobs, quarantine vault)";
                case AggregateException agg when agg.InnerExceptions.Select(What).FirstOrDefault(w => w is not null) is { } inner:
                    return inner;
            }
        }

        return null;
    }
}
