using Ricord.Catalog;

namespace Ricord.Tests.Ingest;

/// <summary>The ingest scenarios on Sqlite with the filesystem blob store.</summary>
public sealed class SqliteIngestTests
{
    private const CatalogProvider Provider = CatalogProvider.Sqlite;

    [Fact]
    public Task RerunAddsNothing() => RunAsync(IngestScenarios.RerunAddsNothing);

    [Fact]
    public Task ChangedInstanceIsReportedAndOriginalKept() => RunAsync(IngestScenarios.ChangedInstanceIsReportedAndOriginalKept);

    [Fact]
    public Task MixedBatchRefusesOnlyItsBadMembers() => RunAsync(IngestScenarios.MixedBatchRefusesOnlyItsBadMembers);

    [Fact]
    public Task CrashBetweenBatchBlobsAndCommitConverges() => RunAsync(IngestScenarios.CrashBetweenBatchBlobsAndCommitConverges);

    [Fact]
    public Task CrashBetweenBlobAndIndexConverges() => RunAsync(IngestScenarios.CrashBetweenBlobAndIndexConverges);

    [Fact]
    public Task EachKindOfNonInstanceHasItsOwnReason() => RunAsync(HostileInputScenarios.EachKindOfNonInstanceHasItsOwnReason);

    [Fact]
    public Task EachQuarantineReasonIsRecordedOnce() => RunAsync(IngestScenarios.EachQuarantineReasonIsRecordedOnce);

    [Fact]
    public Task DamagedInputsAreQuarantinedAndTheRestIngested() => RunAsync(UnusualInputScenarios.DamagedInputsAreQuarantinedAndTheRestIngested);

    [Fact]
    public Task ZipEntriesRefusedAtCommitKeepTheirOriginals() => RunAsync(UnusualInputScenarios.ZipEntriesRefusedAtCommitKeepTheirOriginals);

    [Fact]
    public Task LinksToFoldersAreNotFollowed() => RunAsync(UnusualInputScenarios.LinksToFoldersAreNotFollowed);

    [Fact]
    public Task DicomdirsAreToldApart() => RunAsync(UnusualInputScenarios.DicomdirsAreToldApart);

    [Fact]
    public Task HiddenFilesAreIngested() => RunAsync(IngestScenarios.HiddenFilesAreIngested);

    [Fact]
    public Task SmallAndLargeRefusedItemsAreKeptWhole() => RunAsync(IngestScenarios.SmallAndLargeRefusedItemsAreKeptWhole);

    [Fact]
    public Task ConcurrentRunsOnTheSameInput() => RunAsync(IngestScenarios.ConcurrentRunsOnTheSameInput);

    [Fact]
    public Task CrashThenOtherInputLeavesNoOrphan() => RunAsync(IntentScenarios.CrashThenOtherInputLeavesNoOrphan);

    [Fact]
    public Task LiveWritersIntentsAreNotSwept() => RunAsync(IntentScenarios.LiveWritersIntentsAreNotSwept);

    private static async Task RunAsync(Func<IngestTestBed, Task> scenario)
    {
        await using var bed = await IngestTestBed.CreateAsync(Provider);
        await scenario(bed);
    }
}
