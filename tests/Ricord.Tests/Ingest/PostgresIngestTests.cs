using Ricord.Catalog;
using Ricord.Testing;

namespace Ricord.Tests.Ingest;

/// <summary>The ingest scenarios on Postgres with the filesystem blob store.</summary>
public sealed class PostgresIngestTests
{
    private const CatalogProvider Provider = CatalogProvider.Postgres;

    [PostgresFact]
    public Task RerunAddsNothing() => RunAsync(IngestScenarios.RerunAddsNothing);

    [PostgresFact]
    public Task ChangedInstanceIsReportedAndOriginalKept() => RunAsync(IngestScenarios.ChangedInstanceIsReportedAndOriginalKept);

    [PostgresFact]
    public Task MixedBatchRefusesOnlyItsBadMembers() => RunAsync(IngestScenarios.MixedBatchRefusesOnlyItsBadMembers);

    [PostgresFact]
    public Task CrashBetweenBatchBlobsAndCommitConverges() => RunAsync(IngestScenarios.CrashBetweenBatchBlobsAndCommitConverges);

    [PostgresFact]
    public Task CrashBetweenBlobAndIndexConverges() => RunAsync(IngestScenarios.CrashBetweenBlobAndIndexConverges);

    [PostgresFact]
    public Task EachQuarantineReasonIsRecordedOnce() => RunAsync(IngestScenarios.EachQuarantineReasonIsRecordedOnce);

    [PostgresFact]
    public Task DamagedInputsAreQuarantinedAndTheRestIngested() => RunAsync(UnusualInputScenarios.DamagedInputsAreQuarantinedAndTheRestIngested);

    [PostgresFact]
    public Task ZipEntriesRefusedAtCommitKeepTheirOriginals() => RunAsync(UnusualInputScenarios.ZipEntriesRefusedAtCommitKeepTheirOriginals);

    [PostgresFact]
    public Task ConcurrentRunsOnTheSameInput() => RunAsync(IngestScenarios.ConcurrentRunsOnTheSameInput);

    [PostgresFact]
    public Task CrashThenOtherInputLeavesNoOrphan() => RunAsync(IntentScenarios.CrashThenOtherInputLeavesNoOrphan);

    [PostgresFact]
    public Task LiveWritersIntentsAreNotSwept() => RunAsync(IntentScenarios.LiveWritersIntentsAreNotSwept);

    private static async Task RunAsync(Func<IngestTestBed, Task> scenario)
    {
        await using var bed = await IngestTestBed.CreateAsync(Provider);
        await scenario(bed);
    }
}
