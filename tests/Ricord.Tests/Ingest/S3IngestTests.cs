using Ricord.Catalog;
using Ricord.Tests.Storage;

namespace Ricord.Tests.Ingest;

/// <summary>Ingest end to end into an S3-compatible bucket (s3rver): instances land in the bucket, the catalog
/// references them, a re-run adds nothing, and a crash between blob and index leaves no orphan object.</summary>
public sealed class S3IngestTests(S3rverFixture s3) : IClassFixture<S3rverFixture>
{
    [Fact]
    public Task RerunAddsNothing() => RunAsync(IngestScenarios.RerunAddsNothing);

    [Fact]
    public Task CrashBetweenBlobAndIndexConverges() => RunAsync(IngestScenarios.CrashBetweenBlobAndIndexConverges);

    [Fact]
    public Task ChangedInstanceIsReportedAndOriginalKept() => RunAsync(IngestScenarios.ChangedInstanceIsReportedAndOriginalKept);

    [Fact]
    public Task MixedBatchRefusesOnlyItsBadMembers() => RunAsync(IngestScenarios.MixedBatchRefusesOnlyItsBadMembers);

    [Fact]
    public Task CrashBetweenBatchBlobsAndCommitConverges() => RunAsync(IngestScenarios.CrashBetweenBatchBlobsAndCommitConverges);

    [Fact]
    public Task CrashThenOtherInputLeavesNoOrphan() => RunAsync(IntentScenarios.CrashThenOtherInputLeavesNoOrphan);

    [Fact]
    public Task LiveWritersIntentsAreNotSwept() => RunAsync(IntentScenarios.LiveWritersIntentsAreNotSwept);

    private async Task RunAsync(Func<IngestTestBed, Task> scenario)
    {
        var store = s3.CreateStore("ingest-" + Guid.NewGuid().ToString("N")[..12]);
        await store.EnsureBucketAsync(CancellationToken.None);
        await using var bed = await IngestTestBed.CreateAsync(CatalogProvider.Sqlite, store);
        await scenario(bed);
        Assert.All(await bed.BlobKeysAsync(), k => Assert.StartsWith("instances/", k, StringComparison.Ordinal));
    }
}
