using System.Collections;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Ricord.Hosting;
using Ricord.Storage;

namespace Ricord.Tests.Storage;

/// <summary>What every <see cref="IBlobStore"/> must do, run against the filesystem and the S3 store.</summary>
internal static class BlobStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>The composition root, given these environment variables and an empty data directory, chooses the S3
    /// store, and that store keeps the contract without writing a <c>blobs/</c> folder.</summary>
    public static async Task ConfiguredS3StoreWorks(Hashtable environment)
    {
        string root = Path.Combine(Path.GetTempPath(), $"ricord-s3cfg-{Guid.NewGuid():N}");
        try
        {
            using var services = new ServiceCollection().AddRicord(RicordConfiguration.Load(root, environment: environment)).BuildServiceProvider();
            var store = Assert.IsType<S3BlobStore>(services.GetRequiredService<IBlobStore>());
            await store.EnsureBucketAsync(None);
            await PutGetExistsListDelete(store);
            Assert.False(Directory.Exists(Path.Combine(root, "blobs")));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    public static async Task PutGetExistsListDelete(IBlobStore store)
    {
        var data = Encoding.UTF8.GetBytes("DICM and some bytes");
        var key = "instances/" + Sha(data);
        Assert.False(await store.ExistsAsync(key, None));
        await store.PutAsync(key, new MemoryStream(data), None);
        await store.PutAsync("other/" + Sha([1]), new MemoryStream([1]), None);
        Assert.True(await store.ExistsAsync(key, None));
        Assert.Equal(data, await ReadAllAsync(store, key));

        // Unseekable input and a short key.
        await store.PutAsync("instances/x", new UnseekableStream(new MemoryStream([9, 8, 7])), None);
        Assert.Equal([9, 8, 7], await ReadAllAsync(store, "instances/x"));

        var listed = new List<string>();
        await foreach (var k in store.ListAsync("instances/", None))
        {
            listed.Add(k);
        }

        Assert.Equal(new[] { key, "instances/x" }.Order(), listed.Order());
        Assert.True(await store.DeleteAsync(key, None));
        Assert.False(await store.DeleteAsync(key, None));
        Assert.False(await store.ExistsAsync(key, None));
        await Assert.ThrowsAsync<BlobNotFoundException>(() => store.OpenReadAsync(key, None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync("../escape", new MemoryStream(data), None));
    }

    public static async Task ConcurrentPutsOfOneKey(IBlobStore store)
    {
        var data = new byte[300_000];
        new Random(7).NextBytes(data);
        var key = Sha(data);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.PutAsync(key, new MemoryStream(data), None))));
        Assert.Equal(data, await ReadAllAsync(store, key));
        var listed = new List<string>();
        await foreach (var k in store.ListAsync("", None))
        {
            listed.Add(k);
        }

        Assert.Equal([key], listed);
    }

    public static async Task<byte[]> ReadAllAsync(IBlobStore store, string key)
    {
        await using var s = await store.OpenReadAsync(key, None);
        using var ms = new MemoryStream();
        await s.CopyToAsync(ms);
        return ms.ToArray();
    }

    public static string Sha(byte[] data) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data));
}
