using System.Collections;
using Ricord.Catalog;
using Ricord.Storage;
using Ricord.Testing;
using Ricord.Tests.Ingest;

namespace Ricord.Tests.Storage;

/// <summary>The blob contract, ingest end to end and the configured S3 store against Ceph's RADOS Gateway from
/// Debian (the S3 service a consortium would run), started by the test script; s3rver stays for the fast tests.</summary>
public sealed class CephRgwTests(CephRgwFixture ceph) : IClassFixture<CephRgwFixture>
{
    [CephFact]
    public async Task Blob_contract_holds()
    {
        using var store = await ReadyStore("contract");
        await BlobStoreContract.PutGetExistsListDelete(store);
    }

    [CephFact]
    public async Task Concurrent_puts_of_one_key_leave_one_whole_object()
    {
        using var store = await ReadyStore("concurrent");
        await BlobStoreContract.ConcurrentPutsOfOneKey(store);
    }

    [CephFact]
    public async Task A_failed_upload_leaves_no_object()
    {
        using var store = await ReadyStore("failed");
        await Assert.ThrowsAsync<IOException>(() => store.PutAsync("abcd1234",
            new UnseekableStream(new MemoryStream(new byte[100_000]), failAfter: 30_000), CancellationToken.None));
        Assert.False(await store.ExistsAsync("abcd1234", CancellationToken.None));
    }

    [CephFact]
    public Task Ingest_rerun_adds_nothing() => IngestAsync(IngestScenarios.RerunAddsNothing);

    [CephFact]
    public Task Ingest_crash_between_blob_and_index_converges() => IngestAsync(IngestScenarios.CrashBetweenBlobAndIndexConverges);

    [CephFact]
    public Task Ingest_changed_instance_is_reported_and_original_kept() => IngestAsync(IngestScenarios.ChangedInstanceIsReportedAndOriginalKept);

    [CephFact]
    public Task Ingest_mixed_batch_refuses_only_its_bad_members() => IngestAsync(IngestScenarios.MixedBatchRefusesOnlyItsBadMembers);

    [CephFact]
    public Task Ingest_crash_between_batch_blobs_and_commit_converges() => IngestAsync(IngestScenarios.CrashBetweenBatchBlobsAndCommitConverges);

    [CephFact]
    public Task Ingest_crash_then_other_input_leaves_no_orphan() => IngestAsync(IntentScenarios.CrashThenOtherInputLeavesNoOrphan);

    [CephFact]
    public Task Ingest_live_writers_intents_are_not_swept() => IngestAsync(IntentScenarios.LiveWritersIntentsAreNotSwept);

    [CephFact]
    public async Task The_configured_s3_store_works_against_the_gateway()
    {
        var (endpoint, accessKey, secretKey, region) = TestCeph.Require();
        var env = new Hashtable
        {
            ["RICORD__S3__ServiceUrl"] = endpoint,
            ["RICORD__S3__Bucket"] = CephRgwFixture.Bucket("configured"),
            ["RICORD__S3__AccessKey"] = accessKey,
            ["RICORD__S3__SecretKey"] = secretKey,
            ["RICORD__S3__Region"] = region,
            ["RICORD__S3__Prefix"] = "via-config/",
        };
        await BlobStoreContract.ConfiguredS3StoreWorks(env);
    }

    private async Task<S3BlobStore> ReadyStore(string prefix)
    {
        var store = ceph.CreateStore(prefix);
        await store.EnsureBucketAsync(CancellationToken.None);
        return store;
    }

    private async Task IngestAsync(Func<IngestTestBed, Task> scenario)
    {
        var store = await ReadyStore("ingest");
        await using var bed = await IngestTestBed.CreateAsync(CatalogProvider.Sqlite, store);
        await scenario(bed);
        Assert.All(await bed.BlobKeysAsync(), k => Assert.StartsWith("instances/", k, StringComparison.Ordinal));
    }
}
