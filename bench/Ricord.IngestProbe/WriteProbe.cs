using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Ricord.Storage;

namespace Ricord.IngestProbe;

/// <summary>The storage lever of issue 20 on its own, with no parse, de-identification or catalog: the same input
/// files written durably in batches of 128 (ingest's group commit) as <c>files</c>, the data directory's blob store
/// (a file per instance: a draft, an fsync each, a rename, an fsync per shard folder) or as <c>pack</c>, one pack file
/// per batch (the instances appended, one fsync of the pack and one of its folder). One writer thread in both, as
/// <c>cp</c>; every input read from the page cache into one reused buffer.</summary>
internal static class WriteProbe
{
    private const int Batch = 128;

    public static async Task RunAsync(IReadOnlyList<(string Site, string[] Files)> sites, string work, string store)
    {
        string dir = Path.Combine(work, "write-" + store);
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Directory.CreateDirectory(dir);
        string[] files = [.. sites.SelectMany(s => s.Files)];
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long bytes = store switch
        {
            "files" => await WriteFilesAsync(files, new FileSystemBlobStore(dir)),
            "pack" => WritePacks(files, dir),
            _ => throw new ArgumentException($"unknown store {store}"),
        };
        clock.Stop();
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        Console.WriteLine(FormattableString.Invariant(
            $"store={store} files={files.Length} bytes={bytes} write_s={clock.Elapsed.TotalSeconds:F2} cpu_s={cpu:F2}"));
    }

    private static async Task<long> WriteFilesAsync(string[] files, FileSystemBlobStore blobs)
    {
        byte[] buffer = [];
        long total = 0;
        foreach (var batch in files.Chunk(Batch))
        {
            var drafts = new List<BlobDraft>(batch.Length);
            foreach (string f in batch)
            {
                int n = Read(f, ref buffer);
                var draft = await blobs.CreateDraftAsync("instances", CancellationToken.None);
                await draft.Content.WriteAsync(buffer.AsMemory(0, n));
                draft.Key = "instances/" + Key(f);
                drafts.Add(draft);
                total += n;
            }

            await blobs.StoreAsync(drafts, CancellationToken.None);
            foreach (var d in drafts)
            {
                await d.DisposeAsync();
            }
        }

        return total;
    }

    private static long WritePacks(string[] files, string dir)
    {
        byte[] buffer = [];
        long total = 0;
        int pack = 0;
        foreach (var batch in files.Chunk(Batch))
        {
            // Where each instance is (pack, offset, length) would go into its catalog row, written in both layouts.
            string path = Path.Combine(dir, $"pack{++pack:D6}");
            using (var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write))
            {
                long offset = 0;
                foreach (string f in batch)
                {
                    int n = Read(f, ref buffer);
                    RandomAccess.Write(handle, buffer.AsSpan(0, n), offset);
                    offset += n;
                }

                RandomAccess.FlushToDisk(handle);
                total += offset;
            }

            DirectorySync.Flush(dir);
        }

        return total;
    }

    /// <summary>A content-like key, spread over the shard folders as real keys are.</summary>
    private static string Key(string file) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(file)));

    private static int Read(string file, ref byte[] buffer)
    {
        using var handle = File.OpenHandle(file);
        int length = (int)RandomAccess.GetLength(handle);
        if (buffer.Length < length)
        {
            buffer = new byte[length];
        }

        int read = 0;
        for (int n; read < length && (n = RandomAccess.Read(handle, buffer.AsSpan(read, length - read), read)) > 0;)
        {
            read += n;
        }

        return read;
    }
}
