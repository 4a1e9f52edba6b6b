using Ricord.Storage;

namespace Ricord.Tests.Storage;

public sealed class FileSystemBlobStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ricord-blobs-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public Task PutGetExistsListDelete() => BlobStoreContract.PutGetExistsListDelete(new FileSystemBlobStore(_root));

    [Fact]
    public Task ConcurrentPutsOfOneKey() => BlobStoreContract.ConcurrentPutsOfOneKey(new FileSystemBlobStore(_root));

    [Fact]
    public void PathsAreShardedByTheKeysFirstFourCharacters()
    {
        var store = new FileSystemBlobStore(_root);
        Assert.Equal(Path.Combine(_root, "ab", "cd", "abcdef01"), store.PathOf("abcdef01"));
        Assert.Equal(Path.Combine(_root, "instances", "ab", "cd", "abcdef01"), store.PathOf("instances/abcdef01"));
        Assert.Equal(Path.Combine(_root, "x", "abc"), store.PathOf("x/abc"));
    }

    [Fact]
    public async Task AFailedWriteLeavesNoBlob()
    {
        var store = new FileSystemBlobStore(_root);
        var data = new byte[200_000];
        await Assert.ThrowsAsync<IOException>(() => store.PutAsync("abcd1234", new UnseekableStream(new MemoryStream(data), failAfter: 70_000), CancellationToken.None));
        Assert.False(await store.ExistsAsync("abcd1234", CancellationToken.None));
        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));

        // The same key then writes normally.
        await store.PutAsync("abcd1234", new MemoryStream(data), CancellationToken.None);
        Assert.Equal(data, await BlobStoreContract.ReadAllAsync(store, "abcd1234"));
    }

    [Fact]
    public async Task SweepRemovesTempFilesLeftByACrash()
    {
        var store = new FileSystemBlobStore(_root);
        await store.PutAsync("abcd1234", new MemoryStream([1, 2, 3]), CancellationToken.None);
        var dir = Path.GetDirectoryName(store.PathOf("abcd1234"))!;

        // What a process killed between write and rename leaves: a partial temp file and no blob.
        var stale = Path.Combine(dir, "abcd9999.0123" + FileSystemBlobStore.TempSuffix);
        var fresh = Path.Combine(dir, "abcd8888.4567" + FileSystemBlobStore.TempSuffix);
        await File.WriteAllBytesAsync(stale, [1]);
        await File.WriteAllBytesAsync(fresh, [2]);
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));

        var listed = new List<string>();
        await foreach (var k in store.ListAsync("", CancellationToken.None))
        {
            listed.Add(k);
        }

        Assert.Equal(["abcd1234"], listed);
        Assert.Equal(1, await store.SweepTempFilesAsync(TimeSpan.FromMinutes(30), CancellationToken.None));
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh)); // may be a write in flight
        Assert.True(await store.ExistsAsync("abcd1234", CancellationToken.None));
    }
}
