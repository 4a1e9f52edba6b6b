using System.Diagnostics;
using Ricord.Storage;

namespace Ricord.Tests.Storage;

/// <summary>Temp files name their host and process: a sweep removes those of a dead process of this host at once,
/// and keeps fresh ones of a live process or of another host (which it cannot ask) until they are old.</summary>
public sealed class AbandonedWriteSweepTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ricord-sweep-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Temp_files_of_dead_processes_here_go_at_once_others_after_the_grace_period()
    {
        var store = new FileSystemBlobStore(_root);
        await store.PutAsync("instances/abcd1234", new MemoryStream([1, 2, 3]), CancellationToken.None);
        var dir = store.WritesFolder;
        string host = ThisHost;

        string dead = Temp(dir, "abcd5555", host, await DeadProcessIdAsync());
        string mine = Temp(dir, "abcd6666", host, Environment.ProcessId);
        string elsewhere = Temp(dir, "abcd7777", "otherhost", 12345);
        string oldElsewhere = Temp(dir, "abcd8888", "otherhost", 12345);
        File.SetLastWriteTimeUtc(oldElsewhere, DateTime.UtcNow.AddHours(-2));

        Assert.Equal(2, await store.SweepAbandonedWritesAsync(TimeSpan.FromHours(1), CancellationToken.None));
        Assert.False(File.Exists(dead));
        Assert.False(File.Exists(oldElsewhere));
        Assert.True(File.Exists(mine));
        Assert.True(File.Exists(elsewhere));
        Assert.True(await store.ExistsAsync("instances/abcd1234", CancellationToken.None));
    }

    /// <summary>Drafts of versions before the writes folder lie in prefix folders and are swept there; shard folders,
    /// which hold the blobs (millions of files in a large store), are never read by a sweep.</summary>
    [Fact]
    public async Task Sweep_takes_legacy_drafts_in_prefix_folders_and_never_enters_shard_folders()
    {
        var store = new FileSystemBlobStore(_root);
        await store.PutAsync("instances/abcd1234", new MemoryStream([1, 2, 3]), CancellationToken.None);
        var shard = Path.GetDirectoryName(store.PathOf("instances/abcd1234"))!;
        int dead = await DeadProcessIdAsync();
        string legacyDraft = Temp(Path.Combine(_root, "instances"), "draft", ThisHost, dead);
        string inShard = Temp(shard, "abcd5555", ThisHost, dead);

        Assert.Equal(1, await store.SweepAbandonedWritesAsync(TimeSpan.FromHours(1), CancellationToken.None));
        Assert.False(File.Exists(legacyDraft));
        Assert.True(File.Exists(inShard)); // not read: a shard folder is only ever written by renames
        Assert.Empty(Directory.GetFiles(store.WritesFolder)); // the put's temp file was renamed out of it
    }

    /// <summary>This host's name as temp file names carry it.</summary>
    internal static string ThisHost => new([.. Environment.MachineName.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A temp file as a writer of <paramref name="host"/> and process <paramref name="pid"/> names it.</summary>
    internal static string Temp(string dir, string name, string host, int pid)
    {
        string path = Path.Combine(dir, $"{name}.{host}-{pid}-{Guid.NewGuid():N}{InFlightWrites.TempSuffix}");
        File.WriteAllBytes(path, [0]);
        return path;
    }

    /// <summary>The id of a process of this host that has exited.</summary>
    internal static async Task<int> DeadProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }
}
