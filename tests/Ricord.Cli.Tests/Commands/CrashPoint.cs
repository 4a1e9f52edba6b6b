namespace Ricord.Cli.Tests.Commands;

/// <summary>Where <see cref="IngestCrashRepeatedTests"/> kills an ingest.</summary>
internal enum CrashPoint
{
    /// <summary>A random delay after the process starts: runtime start-up, migrations, the start-up sweep.</summary>
    StartUp,

    /// <summary>A random 0–20 ms after the first blob of a batch never stored before reached the store.</summary>
    MidBatch,

    /// <summary>While a catalog transaction of the run waits for the write lock that the test holds.</summary>
    Commit,
}
