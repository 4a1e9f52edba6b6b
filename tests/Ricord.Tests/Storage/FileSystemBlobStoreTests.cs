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
    public void PathsAreShardedByTheKeysFirstTwoCharacters()
    {
        var store = new FileSystemBlobStore(_root);
        Assert.Equal(Path.Combine(_root, "ab", "abcdef01"), store.PathOf("abcdef01"));
        Assert.Equal(Path.Combine(_root, "instances", "ab", "abcdef01"), store.PathOf("instances/abcdef01"));
        Assert.Equal(Path.Combine(_root, "x", "abc"), store.PathOf("x/abc"));
    }

    [Fact]
    public async Task AWriteCreatesAllShardFoldersOfItsPrefixAtOnce()
    {
        var store = new FileSystemBlobStore(_root);
        await store.PutAsync("instances/abcd1234", new MemoryStream([1]), CancellationToken.None);
        Assert.Equal(256, Directory.GetDirectories(Path.Combine(_root, "instances")).Length);
    }

    /// <summary>Stores written before one-level sharding keep blobs at root/DIR/ab/cd/abcd…: still found, listed,
    /// read, deleted, and not written a second time.</summary>
    [Fact]
    public async Task BlobsOfTheTwoLevelLayoutStayReadable()
    {
        var store = new FileSystemBlobStore(_root);
        var legacy = Path.Combine(_root, "instances", "ab", "cd", "abcdef01");
        Directory.CreateDirectory(Path.GetDirectoryName(legacy)!);
        await File.WriteAllBytesAsync(legacy, [4, 5, 6]);

        Assert.True(await store.ExistsAsync("instances/abcdef01", CancellationToken.None));
        Assert.Equal(legacy, store.PathOf("instances/abcdef01"));
        Assert.Equal([4, 5, 6], await BlobStoreContract.ReadAllAsync(store, "instances/abcdef01"));
        await store.PutAsync("instances/abcdef01", new MemoryStream([4, 5, 6]), CancellationToken.None);
        await using (var draft = await store.CreateDraftAsync("instances", CancellationToken.None))
        {
            draft.Content.Write([4, 5, 6]);
            draft.Key = "instances/abcdef01";
            await store.StoreAsync([draft], CancellationToken.None);
        }

        await store.PutAsync("instances/abcd9999", new MemoryStream([7]), CancellationToken.None);
        var listed = new List<string>();
        await foreach (var k in store.ListAsync("", CancellationToken.None))
        {
            listed.Add(k);
        }

        Assert.Equal(["instances/abcd9999", "instances/abcdef01"], listed.Order(StringComparer.Ordinal));
        Assert.False(File.Exists(Path.Combine(_root, "instances", "ab", "abcdef01")));
        Assert.True(await store.DeleteAsync("instances/abcdef01", CancellationToken.None));
        Assert.False(File.Exists(legacy));
    }

    /// <summary>Drafts: invisible until stored; stored together; one whose key exists is dropped; a draft disposed
    /// without being stored leaves nothing.</summary>
    [Fact]
    public async Task DraftsAreStoredTogetherAndDiscardedWhenNotStored()
    {
        var store = new FileSystemBlobStore(_root);
        await store.PutAsync("instances/aaaa0001", new MemoryStream([1]), CancellationToken.None);
        var drafts = new List<BlobDraft>();
        foreach (var (key, data) in new[] { ("instances/aaaa0001", (byte)1), ("instances/bbbb0002", (byte)2), ("instances/cccc0003", (byte)3) })
        {
            var draft = await store.CreateDraftAsync("instances", CancellationToken.None);
            draft.Content.Write([data, data]);
            draft.Key = key;
            drafts.Add(draft);
        }

        Assert.False(await store.ExistsAsync("instances/bbbb0002", CancellationToken.None));
        await store.StoreAsync(drafts, CancellationToken.None);
        await using (var discarded = await store.CreateDraftAsync("instances", CancellationToken.None))
        {
            discarded.Content.Write([9]);
        }

        foreach (var d in drafts)
        {
            await d.DisposeAsync();
        }

        Assert.Equal([1], await BlobStoreContract.ReadAllAsync(store, "instances/aaaa0001"));
        Assert.Equal([2, 2], await BlobStoreContract.ReadAllAsync(store, "instances/bbbb0002"));
        Assert.Equal([3, 3], await BlobStoreContract.ReadAllAsync(store, "instances/cccc0003"));
        Assert.Empty(Directory.GetFiles(_root, "*" + InFlightWrites.TempSuffix, SearchOption.AllDirectories));
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
        var dir = store.WritesFolder;

        // What a process killed between write and rename leaves: a partial temp file and no blob.
        var stale = Path.Combine(dir, "abcd9999.0123" + InFlightWrites.TempSuffix);
        var fresh = Path.Combine(dir, "abcd8888.4567" + InFlightWrites.TempSuffix);
        await File.WriteAllBytesAsync(stale, [1]);
        await File.WriteAllBytesAsync(fresh, [2]);
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));

        var listed = new List<string>();
        await foreach (var k in store.ListAsync("", CancellationToken.None))
        {
            listed.Add(k);
        }

        Assert.Equal(["abcd1234"], listed);
        Assert.Equal(1, await store.SweepAbandonedWritesAsync(TimeSpan.FromMinutes(30), CancellationToken.None));
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh)); // may be a write in flight
        Assert.True(await store.ExistsAsync("abcd1234", CancellationToken.None));
    }
}
