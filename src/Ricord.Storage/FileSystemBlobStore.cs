namespace Ricord.Storage;

/// <summary>Blobs as files under a root. A key's last segment is sharded by its first two characters
/// (key "ab12cd…" → root/ab/ab12cd…, "instances/ab12…" → root/instances/ab/ab12…): 256 folders per prefix,
/// created together once, so no write creates a folder and no folder grows past a few hundred thousand entries
/// before the collection has tens of millions of instances. Stores written before this layout used two levels
/// (root/instances/ab/12/ab12…); those blobs are still found, listed and deleted where they are, and new blobs
/// of the same key are not written again (see docs/ingest.md, "Blob layout").
/// A write goes to a temp file, is fsynced, renamed into place without overwriting, and the folder is fsynced:
/// a reader sees either nothing or the whole blob, and a blob reported written survives power loss. Crashes leave
/// only temp files, named after their host and process, all in one writes folder (<c>root/writes.ricord-tmp</c>, a
/// name no key can have) which <see cref="SweepAbandonedWritesAsync"/> empties without reading the blob folders.</summary>
public sealed partial class FileSystemBlobStore : IBlobStore
{
    private const int BufferSize = 1 << 16;
    private readonly string _root;
    private volatile bool _writesFolderReady;

    public FileSystemBlobStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public string Root => _root;

    /// <summary>Where every write in flight is: temp files are renamed from here into their shard folder (one
    /// filesystem, so the rename is atomic).</summary>
    internal string WritesFolder => Path.Combine(_root, "writes" + InFlightWrites.TempSuffix);

    /// <summary>A fresh temp path in the writes folder (created on first use).</summary>
    private string NewTempPath(string name)
    {
        if (!_writesFolderReady)
        {
            Directory.CreateDirectory(WritesFolder);
            _writesFolderReady = true;
        }

        return InFlightWrites.TempPathFor(Path.Combine(WritesFolder, name));
    }

    /// <summary>The file that holds <paramref name="key"/>: where it is, in either layout; where it would be written
    /// if it does not exist.</summary>
    public string PathOf(string key) => Find(key) ?? ShardedPathOf(key);

    public async Task PutAsync(string key, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (Find(key) is not null)
        {
            return;
        }

        var path = ShardedPathOf(key);
        var dir = Path.GetDirectoryName(path)!;
        EnsureDurableDirectory(dir, IsSharded(key));
        var temp = NewTempPath(Path.GetFileName(path));
        try
        {
            var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await content.CopyToAsync(file, BufferSize, ct).ConfigureAwait(false);
                await file.FlushAsync(ct).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            try
            {
                // No overwrite (see FileDraft.MoveTo for the race on one key, which only swaps identical bytes).
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // A concurrent writer stored the same key first; keys name content, so keep theirs.
                File.Delete(temp);
            }

            DirectorySync.Flush(dir);
        }
        catch
        {
            // A failed write must leave no final file; the temp goes now or, after a crash, in the sweep.
            InFlightWrites.TryDelete(temp);
            throw;
        }
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken ct)
    {
        foreach (var path in (string[])[ShardedPathOf(key), LegacyPathOf(key)])
        {
            try
            {
                Stream s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous);
                return Task.FromResult(s);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                // Not in this layout.
            }
        }

        throw new BlobNotFoundException($"Blob '{key}' does not exist.");
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct) => Task.FromResult(Find(key) is not null);

    public Task<bool> DeleteAsync(string key, CancellationToken ct)
    {
        if (Find(key) is not { } path)
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        DirectorySync.Flush(Path.GetDirectoryName(path)!);
        return Task.FromResult(true);
    }

    /// <summary>The blob's file in the current layout or, for stores written before it, the two-level one; null if none.</summary>
    private string? Find(string key)
    {
        var path = ShardedPathOf(key);
        if (File.Exists(path))
        {
            return path;
        }

        var legacy = LegacyPathOf(key);
        return legacy != path && File.Exists(legacy) ? legacy : null;
    }

    /// <summary>root/DIR/ab/ab12… (one level of two characters); names shorter than four characters are not sharded.</summary>
    private string ShardedPathOf(string key) => PathFor(key, shardLevels: 1);

    /// <summary>root/DIR/ab/12/ab12…: the layout of stores written before one-level sharding.</summary>
    private string LegacyPathOf(string key) => PathFor(key, shardLevels: 2);

    private string PathFor(string key, int shardLevels)
    {
        BlobKey.Validate(key);
        var slash = key.LastIndexOf('/');
        var name = key[(slash + 1)..];
        var parts = new List<string> { _root };
        if (slash > 0)
        {
            parts.AddRange(key[..slash].Split('/'));
        }

        if (name.Length >= 4)
        {
            for (int level = 0; level < shardLevels; level++)
            {
                parts.Add(name.Substring(2 * level, 2));
            }
        }

        parts.Add(name);
        return Path.Combine([.. parts]);
    }

    private static bool IsSharded(string key) => key.Length - key.LastIndexOf('/') - 1 >= 4;
}
