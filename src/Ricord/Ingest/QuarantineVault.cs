using System.Text.Json;
using Ricord.Storage;

namespace Ricord.Ingest;

/// <summary>
/// The secret side of quarantine: the bytes as received (they may carry PHI) and where they came from,
/// kept under the data directory's secrets folder (mode 0700, beside the link table), never in the blob
/// store or the catalog. The catalog holds only the reason, a PHI-free detail and the vault id.
/// </summary>
public sealed class QuarantineVault
{
    private const string ReleasedFolder = "released";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public QuarantineVault(string root)
    {
        Root = root;
        Directory.CreateDirectory(root);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Root { get; }

    /// <summary>Stores the item durably; the id is the content hash, so the same bytes quarantined twice are kept once.</summary>
    public async Task<string> StoreAsync(ReadOnlyMemory<byte> bytes, string contentHash, QuarantineEntryInfo info, CancellationToken ct)
    {
        string id = contentHash[..32];
        string data = Path.Combine(Root, id + ".bin");
        if (!File.Exists(data))
        {
            await WriteDurablyAsync(data, bytes, ct).ConfigureAwait(false);
        }

        await WriteDurablyAsync(Path.Combine(Root, id + ".json"), JsonSerializer.SerializeToUtf8Bytes(info, Json), ct).ConfigureAwait(false);
        return id;
    }

    public async Task<QuarantineEntryInfo?> GetInfoAsync(string id, CancellationToken ct)
    {
        string path = Path.Combine(Root, Safe(id) + ".json");
        return File.Exists(path) ? JsonSerializer.Deserialize<QuarantineEntryInfo>(await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false)) : null;
    }

    public async Task<byte[]?> GetBytesAsync(string id, CancellationToken ct)
    {
        string path = Path.Combine(Root, Safe(id) + ".bin");
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false) : null;
    }

    /// <summary>How many bytes of the item are kept: 0 for an input that could not be read; null if there is no such item.</summary>
    public long? GetSize(string id)
    {
        var file = new FileInfo(Path.Combine(Root, Safe(id) + ".bin"));
        return file.Exists ? file.Length : null;
    }

    /// <summary>
    /// Remembers that a curator released the input with this content hash (SHA-256 of its bytes as received), so that
    /// ingesting the same input again does not quarantine it again for the risk the curator accepted. Kept in the
    /// secrets folder as an empty marker file named by the hash: no identifier, no path.
    /// </summary>
    public async Task MarkReleasedAsync(string contentHash, CancellationToken ct)
    {
        string folder = Path.Combine(Root, ReleasedFolder);
        Directory.CreateDirectory(folder);
        await WriteDurablyAsync(Path.Combine(folder, SafeHash(contentHash)), ReadOnlyMemory<byte>.Empty, ct).ConfigureAwait(false);
    }

    /// <summary>Whether a curator released the input with this content hash (see <see cref="MarkReleasedAsync"/>).</summary>
    public Task<bool> IsReleasedAsync(string contentHash, CancellationToken ct) =>
        Task.FromResult(!ct.IsCancellationRequested && File.Exists(Path.Combine(Root, ReleasedFolder, SafeHash(contentHash))));

    public IEnumerable<string> Ids() =>
        Directory.EnumerateFiles(Root, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal);

    /// <summary>Deletes temp files of writes cut off by a crash (see <see cref="InFlightWrites"/>); returns how many.</summary>
    public int SweepAbandonedWrites(TimeSpan olderThan, CancellationToken ct) => InFlightWrites.Sweep(Root, olderThan, ct);

    public bool Drop(string id)
    {
        bool any = false;
        foreach (var ext in new[] { ".bin", ".json" })
        {
            string path = Path.Combine(Root, Safe(id) + ext);
            if (File.Exists(path))
            {
                File.Delete(path);
                any = true;
            }
        }

        return any;
    }

    private static string Safe(string id) =>
        id.Length is > 0 and <= 64 && id.All(char.IsAsciiHexDigit) ? id : throw new ArgumentException($"'{id}' is not a quarantine id", nameof(id));

    private static string SafeHash(string hash) =>
        hash.Length == 64 && hash.All(char.IsAsciiHexDigit) ? hash.ToLowerInvariant() : throw new ArgumentException("not a SHA-256 content hash", nameof(hash));

    private static async Task WriteDurablyAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        // A temp name per writer: two workers quarantining the same bytes at once must not share one.
        string temp = InFlightWrites.TempPathFor(path);
        try
        {
            var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(bytes, ct).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            // Cancelled (Ctrl+C) or failed: no temp file stays behind (after a crash, the next ingest's sweep takes it).
            InFlightWrites.TryDelete(temp);
            throw;
        }

        DirectorySync.Flush(Path.GetDirectoryName(path)!);
    }
}
