using System.Diagnostics;
using Ricord.Catalog;
using Ricord.Synth;

namespace Ricord.Cli.Tests.Commands;

/// <summary>`ricord ingest` into a data directory on a 12 MiB tmpfs (mounted by the test; tests run as root) with 19 MB
/// of input: the disk fills, ingest reports no space (where, how much stored) with exit 75, stores what fits, each
/// instance whole and indexed, leaves no orphan blob; after the tmpfs grows, the same command stores the rest. Before:
/// "internal error (IOException)", exit 70, nothing stored.</summary>
public sealed class IngestDiskFullTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ricord-disk-full-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string _mount;

    public IngestDiskFullTests()
    {
        _mount = Path.Combine(_root, "small");
        Directory.CreateDirectory(_mount);
        Mount("-t", "tmpfs", "-o", "size=12m", "tmpfs", _mount);
    }

    [Fact]
    public async Task Full_disk_stores_what_fits_reports_it_and_a_rerun_after_freeing_space_completes()
    {
        await new SynthGenerator(new SynthOptions { Seed = 7, Sites = 1, CtPatients = 1, CxrPatients = 0, Slices = 16 }).RunAsync(Path.Combine(_root, "synth"));
        string input = Path.Combine(Directory.GetDirectories(Path.Combine(_root, "synth", "sites")).Single(), "dicom");
        long inputBytes = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.True(inputBytes > 16 << 20, $"{inputBytes} bytes of input do not fill the 12 MiB tmpfs");
        string data = Path.Combine(_mount, "data");
        string[] args = ["ingest", input, "--site", "S1", "--collection", "C", "--data", data];

        var (code, _, error) = InProcessCli.Run(args);

        Assert.True(code == ExitCodes.NoSpace, error);
        Assert.Contains($"no space left on the device of {data}", error, StringComparison.Ordinal);
        Assert.DoesNotContain(input, error, StringComparison.Ordinal);
        int instances = (await SnapshotAsync(data)).Instances.Length;
        Assert.True(instances > 0, "nothing was stored although part of the input fits");
        Assert.Contains($"{instances} instances (", error, StringComparison.Ordinal);
        await CatalogSnapshot.AssertConsistentAsync(Sqlite(data), data); // each stored instance whole and indexed; no orphan blob
        Assert.False(File.Exists(Path.Combine(data, "ingest.reserve")));

        Mount("-o", "remount,size=64m", _mount);
        (code, _, error) = InProcessCli.Run(args);

        Assert.True(code is ExitCodes.Success or ExitCodes.PartialSuccess, error);
        var after = await SnapshotAsync(data);
        Assert.True(after.Instances.Length > instances);
        await CatalogSnapshot.AssertConsistentAsync(Sqlite(data), data);
        string fresh = Path.Combine(_root, "fresh");
        Assert.True(InProcessCli.Run(["ingest", input, "--site", "S1", "--collection", "C", "--data", fresh]).Code is ExitCodes.Success or ExitCodes.PartialSuccess);
        var once = await SnapshotAsync(fresh);
        Assert.Equal(once.Instances.Length, after.Instances.Length); // the same as one run with room enough
        Assert.Equal(once.Quarantine, after.Quarantine);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Mount(["-l", _mount], umount: true);
        Directory.Delete(_root, recursive: true);
    }

    private static CatalogOptions Sqlite(string data) => new() { Provider = CatalogProvider.Sqlite, DataDirectory = data };

    private static Task<CatalogSnapshot> SnapshotAsync(string data) => CatalogSnapshot.TakeAsync(Sqlite(data));

    private static void Mount(params string[] args) => Mount(args, umount: false);

    private static void Mount(string[] args, bool umount)
    {
        using var p = Process.Start(new ProcessStartInfo(umount ? "umount" : "mount", args) { RedirectStandardError = true, UseShellExecute = false })!;
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{(umount ? "umount" : "mount")} {string.Join(' ', args)} failed ({p.ExitCode}): {error} (the tests run as root)");
    }
}
