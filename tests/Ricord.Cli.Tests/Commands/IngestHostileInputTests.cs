using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;

namespace Ricord.Cli.Tests.Commands;

/// <summary>`ricord ingest` of hostile zip archives: a zip bomb (1 MB holding 1 GiB of zeros), one that lies about its
/// size, and archives nested past the depth limit are quarantined as ArchiveLimit with a detail naming the limit, peak
/// memory stays within a stated multiple of the largest accepted instance, and the real instances beside them are
/// ingested.</summary>
public sealed class IngestHostileInputTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private const string CtSmall = "/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm";

    /// <summary>Workers (--parallel) in the memory-bound test.</summary>
    private const int Workers = 2;

    /// <summary>
    /// The memory bound (issue 20): an ingest's peak resident set stays within baseline + k × N, N the largest accepted
    /// instance and baseline the peak of an ingest of one small instance (the runtime, the catalog, the pipeline). Each
    /// worker holds its input and at most as much again (what it derives from it, buffers, garbage not yet collected):
    /// 2 per worker. A file waits in the queue as a path; a zip entry as its bytes, read ahead: 2 per worker queued and
    /// one more read and waiting for a place in the queue, plus one N of slack for the same. So k = 2P for folders and
    /// 4P + 2 for zip archives, P the workers: 4 and 10 with --parallel 2 (measured: about 2.2 and 8.3). A refused input
    /// costs no more than the limits let it: a zip entry is never read past its declared size, checked against them first.
    /// </summary>
    private const int KFiles = 2 * Workers, KZip = (4 * Workers) + 2;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "ricord-hostile-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Peak_memory_with_zip_bombs_stays_within_a_small_multiple_of_the_largest_accepted_instance()
    {
        Directory.CreateDirectory(_root);
        string small = Path.Combine(_root, "small");
        Directory.CreateDirectory(small);
        File.Copy(CtSmall, Path.Combine(small, "ct.dcm"));
        long baseline = (await IngestMeasuredAsync("baseline", small)).Peak;

        // 12 instances of N = 24 MiB each, more than a zip ingest may hold at once (KZip), as files and in one zip;
        // beside them a zip bomb (1 GiB of zeros in 1 MB, sizes declared) and one that lies about its size.
        string set = Path.Combine(_root, "set");
        Directory.CreateDirectory(set);
        var template = Ricord.Dicom.DicomFile.Open(CtSmall);
        const int Count = 12, Frames = 768; // 128 x 128 x 2 bytes a frame: 24 MiB of pixels
        long largest = 0;
        string instances = Path.Combine(_root, "instances.zip");
        using (var zip = ZipFile.Open(instances, ZipArchiveMode.Create))
        {
            for (int i = 0; i < Count; i++)
            {
                var ds = template.Dataset;
                ds.SetString(Ricord.Dicom.DicomTags.SOPInstanceUID, Ricord.Dicom.DicomVR.UI, $"1.2.826.0.1.3680043.2.1143.20.2.{i + 1}");
                ds.SetString(Ricord.Dicom.DicomTags.NumberOfFrames, Ricord.Dicom.DicomVR.IS, $"{Frames}");
                ds.SetBytes(Ricord.Dicom.DicomTags.PixelData, Ricord.Dicom.DicomVR.OW, Pixels(Frames * 128 * 128 * 2, i));
                byte[] bytes = template.ToBytes();
                largest = Math.Max(largest, bytes.Length);
                File.WriteAllBytes(Path.Combine(set, $"i{i:D2}.dcm"), bytes);
                using var entry = zip.CreateEntry($"i{i:D2}.dcm", CompressionLevel.NoCompression).Open();
                entry.Write(bytes);
            }
        }

        string bomb = Bomb("bomb.zip", 1024, declaredBytes: null);
        string liar = Bomb("liar.zip", 256, declaredBytes: 1 << 20);

        var files = await IngestMeasuredAsync("files", set, bomb, liar);
        Assert.Equal(Count, files.Instances);
        var zipped = await IngestMeasuredAsync("zip", instances, bomb, liar);
        Assert.Equal(Count, zipped.Instances);
        foreach (var run in new[] { files, zipped })
        {
            // The bomb by its declared size; the liar read no further than it declares, and caught by its CRC-32.
            Assert.Equal(2, run.Quarantine.Count);
            Assert.Contains(run.Quarantine, q => q.Reason == QuarantineReason.ArchiveLimit && q.Detail.Contains("--max-expansion-ratio", StringComparison.Ordinal));
            Assert.Contains(run.Quarantine, q => q.Reason == QuarantineReason.Unreadable && q.Detail.Contains("larger than its declared size of 1048576 bytes", StringComparison.Ordinal));
        }

        string Report(long peak, int k) =>
            $"peak {peak >> 20} MiB; bound baseline {baseline >> 20} MiB + {k} x largest instance {largest >> 20} MiB = {(baseline + (k * largest)) >> 20} MiB";
        output.WriteLine("files: " + Report(files.Peak, KFiles));
        output.WriteLine("zip: " + Report(zipped.Peak, KZip));
        Assert.True(files.Peak <= baseline + (KFiles * largest), "files: " + Report(files.Peak, KFiles));
        Assert.True(zipped.Peak <= baseline + (KZip * largest), "zip: " + Report(zipped.Peak, KZip));
    }

    /// <summary>A zip of one entry of <paramref name="mebibytes"/> MiB of zeros; <paramref name="declaredBytes"/>, when
    /// given, is written as its uncompressed size in both headers in place of the true one.</summary>
    private string Bomb(string name, int mebibytes, int? declaredBytes)
    {
        string path = Path.Combine(_root, name);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var entry = zip.CreateEntry("zeros.dcm", CompressionLevel.Optimal).Open();
            byte[] chunk = new byte[1 << 20];
            for (int i = 0; i < mebibytes; i++)
            {
                entry.Write(chunk);
            }
        }

        Assert.True(new FileInfo(path).Length < 2 << 20);
        if (declaredBytes is { } declared)
        {
            // PKWARE APPNOTE 4.3.7 and 4.3.12: uncompressed size at offset 22 of the local header, 24 of the central one.
            byte[] bytes = File.ReadAllBytes(path);
            int central = bytes.AsSpan().LastIndexOf("PK\x01\x02"u8);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(22), declared);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(central + 24), declared);
            File.WriteAllBytes(path, bytes);
        }

        return path;
    }

    private static byte[] Pixels(int length, int seed)
    {
        var pixels = new byte[length];
        new Random(seed).NextBytes(pixels);
        return pixels;
    }

    /// <summary>`ricord ingest --parallel 2` of the inputs into a new data directory, as a child process under GNU time.</summary>
    private async Task<(long Peak, int Instances, List<QuarantineEntry> Quarantine)> IngestMeasuredAsync(string name, params string[] inputs)
    {
        string data = Path.Combine(_root, "data-" + name);
        string peak = Path.Combine(_root, "peak-" + name);
        using var cli = CliProcess.StartMeasured(peak, new Dictionary<string, string>(),
            ["ingest", .. inputs, "--site", "S1", "--collection", "C", "--data", data, "--parallel", $"{Workers}"]);
        int code = await cli.WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(code is ExitCodes.Success or ExitCodes.PartialSuccess, cli.Output);
        return (cli.PeakResidentBytes, await InstancesAsync(data), await QuarantineAsync(data));
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
