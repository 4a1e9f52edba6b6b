using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;

namespace Ricord.Cli.Tests.Commands;

/// <summary>`ricord ingest` of hostile zip archives: a zip bomb (1 MB holding 1 GiB of zeros) and archives nested past
/// the depth limit are quarantined as ArchiveLimit with a detail naming the limit, memory stays bounded, and the
/// real instances beside them are ingested.</summary>
public sealed class IngestHostileInputTests : IDisposable
{
    /// <summary>The stated bound on a bomb ingest's peak resident set (before: 8.3 GB; a small ingest's runtime alone is about 70 MB).</summary>
    private const long PeakBoundBytes = 300L << 20;

    private const string CtSmall = "/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "ricord-hostile-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Zip_bomb_is_quarantined_naming_the_limit_with_bounded_memory()
    {
        Directory.CreateDirectory(_root);
        string bomb = Path.Combine(_root, "bomb.zip");
        using (var zip = ZipFile.Open(bomb, ZipArchiveMode.Create))
        {
            await using (var entry = zip.CreateEntry("zeros.dcm", CompressionLevel.Optimal).Open())
            {
                byte[] chunk = new byte[1 << 20];
                for (int i = 0; i < 1024; i++)
                {
                    entry.Write(chunk);
                }
            }

            zip.CreateEntryFromFile(CtSmall, "ct.dcm");
        }

        Assert.True(new FileInfo(bomb).Length < 2 << 20);
        string data = Path.Combine(_root, "data");
        using var cli = CliProcess.Start(new Dictionary<string, string>(), "ingest", bomb, "--site", "S1", "--collection", "C", "--data", data);
        long peak = 0;
        while (!cli.HasExited)
        {
            peak = Math.Max(peak, cli.PeakWorkingSet);
            await Task.Delay(10);
        }

        Assert.True(await cli.WaitAsync(TimeSpan.FromMinutes(2)) == ExitCodes.PartialSuccess, cli.Output);
        Assert.True(peak > 0 && peak < PeakBoundBytes, $"peak working set {peak >> 20} MiB, bound {PeakBoundBytes >> 20} MiB");
        var entries = await QuarantineAsync(data);
        var q = Assert.Single(entries);
        Assert.Equal(QuarantineReason.ArchiveLimit, q.Reason);
        Assert.Contains("--max-expansion-ratio", q.Detail, StringComparison.Ordinal);
        Assert.Equal(1, await InstancesAsync(data));
    }

    [Fact]
    public async Task Nested_archives_are_opened_to_the_depth_limit_and_refused_past_it()
    {
        Directory.CreateDirectory(_root);
        var second = Ricord.Dicom.DicomFile.Open(CtSmall);
        second.Dataset.SetString(Ricord.Dicom.DicomTags.SOPInstanceUID, Ricord.Dicom.DicomVR.UI, "1.2.826.0.1.3680043.2.1143.20.1");
        byte[] inner = Zip(("ct2.dcm", second.ToBytes()));
        byte[] middle = Zip(("inner.zip", inner), ("ct.dcm", File.ReadAllBytes(CtSmall)));
        string nested = Path.Combine(_root, "nested.zip");
        File.WriteAllBytes(nested, Zip(("middle.zip", middle)));

        string shallow = Path.Combine(_root, "shallow");
        Assert.Equal(ExitCodes.PartialSuccess, InProcessCli.Run("ingest", nested, "--site", "S1", "--collection", "C", "--data", shallow).Code);
        var q = Assert.Single(await QuarantineAsync(shallow));
        Assert.Equal(QuarantineReason.ArchiveLimit, q.Reason);
        Assert.Contains("--max-archive-depth", q.Detail, StringComparison.Ordinal);
        Assert.Equal(1, await InstancesAsync(shallow));

        string deep = Path.Combine(_root, "deep");
        var (code, _, error) = InProcessCli.Run("ingest", nested, "--site", "S1", "--collection", "C", "--data", deep, "--max-archive-depth", "3");
        Assert.True(code == ExitCodes.Success, error);
        Assert.Empty(await QuarantineAsync(deep));
        Assert.Equal(2, await InstancesAsync(deep));
    }

    [Fact]
    public async Task Entry_larger_than_the_entry_limit_is_quarantined_and_not_kept()
    {
        Directory.CreateDirectory(_root);
        string zip = Path.Combine(_root, "big.zip");
        File.WriteAllBytes(zip, Zip(("ct.dcm", File.ReadAllBytes(CtSmall))));
        string data = Path.Combine(_root, "data");
        Assert.Equal(ExitCodes.PartialSuccess, InProcessCli.Run("ingest", zip, "--site", "S1", "--collection", "C", "--data", data, "--max-entry-size", "1000").Code);
        var q = Assert.Single(await QuarantineAsync(data));
        Assert.Equal(QuarantineReason.ArchiveLimit, q.Reason);
        Assert.StartsWith("zip entry expands past 1000 bytes", q.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await InstancesAsync(data));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    private static async Task<List<QuarantineEntry>> QuarantineAsync(string data)
    {
        var db = CatalogDbContextFactory.Create(new CatalogOptions { Provider = CatalogProvider.Sqlite, DataDirectory = data });
        await using (db)
        {
            var entries = await db.QuarantineEntries.ToListAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return entries;
        }
    }

    private static async Task<int> InstancesAsync(string data) =>
        (await CatalogSnapshot.TakeAsync(new CatalogOptions { Provider = CatalogProvider.Sqlite, DataDirectory = data })).Instances.Length;
}
