namespace Ricord.Storage;

/// <summary>Blobs as files under a root. A key's last segment is sharded by its first four characters
/// (key "ab12cd…" → root/ab/12/ab12cd…, "instances/ab12…" → root/instances/ab/12/ab12…) so no directory grows
/// past 65,536 entries. A write goes to a temp file in the final directory, is fsynced, renamed into place
/// without overwriting, and the directory is fsynced: a reader sees either nothing or the whole blob, and a
/// blob reported written survives power loss. Crashes leave only temp files, named after their host and process,
/// which <see cref="SweepTempFilesAsync"/> removes.</summary>
public sealed partial class FileSystemBlobStore : IBlobStore
{
    /// <summary>Suffix of in-flight writes; keys may not end with it.</summary>
    public const string TempSuffix = ".ricord-tmp";

    private const int BufferSize = 1 << 16;
    private readonly string _root;

    public FileSystemBlobStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public string Root => _root;

    /// <summary>The file that holds <paramref name="key"/>.</summary>
    public string PathOf(string key)
    {
        BlobKey.Validate(key);
        var slash = key.LastIndexOf('/');
        var dir = slash < 0 ? "" : key[..slash];
        var name = key[(slash + 1)..];
        var parts = new List<string> { _root };
        if (dir.Length > 0)
        {
            parts.AddRange(dir.Split('/'));
        }

        if (name.Length >= 4)
        {
            parts.Add(name[..2]);
            parts.Add(name[2..4]);
        }

        parts.Add(name);
        return Path.Combine([.. parts]);
    }

    public async Task PutAsync(string key, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(key);
        if (File.Exists(path))
        {
            return;
        }

        var dir = Path.GetDirectoryName(path)!;
        CreateDirectoryDurably(dir);
        var temp = InFlightWrites.TempPathFor(path);
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
                // No overwrite: on Unix .NET links then unlinks, so an existing blob is never replaced.
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // A concurrent writer stored the same key first; keys name content, so keep theirs.
                File.Delete(temp);
                return;
            }

            DirectorySync.Flush(dir);
        }
        catch
        {
            // A failed write must leave no final file; the temp goes now or, after a crash, in the sweep.
            TryDelete(temp);
            throw;
        }
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        try
        {
            Stream s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous);
            return Task.FromResult(s);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BlobNotFoundException($"Blob '{key}' does not exist.", e);
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct) => Task.FromResult(File.Exists(PathOf(key)));

    public Task<bool> DeleteAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        DirectorySync.Flush(Path.GetDirectoryName(path)!);
        return Task.FromResult(true);
    }

    /// <summary>Creates missing directories and fsyncs each new one's parent so the new entries are durable too.</summary>
    private void CreateDirectoryDurably(string dir)
    {
        if (Directory.Exists(dir))
        {
            return;
        }

        var missing = new Stack<string>();
        for (var d = dir; d.Length > _root.Length && !Directory.Exists(d); d = Path.GetDirectoryName(d)!)
        {
            missing.Push(d);
        }

        Directory.CreateDirectory(dir);
        foreach (var created in missing)
        {
            DirectorySync.Flush(Path.GetDirectoryName(created)!);
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
