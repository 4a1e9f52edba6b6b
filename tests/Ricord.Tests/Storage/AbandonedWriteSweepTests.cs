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
        var dir = Path.GetDirectoryName(store.PathOf("instances/abcd1234"))!;
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
