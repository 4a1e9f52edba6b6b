namespace Ricord.Tests.Storage;

/// <summary>The blob contract against a real S3-compatible server (s3rver on loopback).</summary>
public sealed class S3BlobStoreTests(S3rverFixture server) : IClassFixture<S3rverFixture>
{
    [Fact]
    public async Task PutGetExistsListDelete()
    {
        using var store = server.CreateStore("contract");
        await store.EnsureBucketAsync(CancellationToken.None);
        await BlobStoreContract.PutGetExistsListDelete(store);
    }

    [Fact]
    public async Task ConcurrentPutsOfOneKey()
    {
        using var store = server.CreateStore("concurrent");
        await store.EnsureBucketAsync(CancellationToken.None);
        await BlobStoreContract.ConcurrentPutsOfOneKey(store);
    }

    [Fact]
    public async Task AFailedUploadLeavesNoObject()
    {
        using var store = server.CreateStore("failed");
        await store.EnsureBucketAsync(CancellationToken.None);
        await Assert.ThrowsAsync<IOException>(() => store.PutAsync("abcd1234",
            new UnseekableStream(new MemoryStream(new byte[100_000]), failAfter: 30_000), CancellationToken.None));
        Assert.False(await store.ExistsAsync("abcd1234", CancellationToken.None));
    }
}
