using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Ricord.Release;

/// <summary>
/// The release folder being written: every file is written once, hashed as it is written, and stamped with the
/// same modification time (<see cref="Timestamp"/>), so that the folder and any archive made of it are the same
/// for the same inputs. A file is written beside the journal, flushed to disk and moved into place whole, then
/// journaled (<see cref="ReleaseJournal"/>), so a killed build never leaves a half-written file where one is trusted.
/// </summary>
internal sealed class ReleaseOutput(string root, ReleaseJournal journal)
{
    /// <summary>The modification time of every release file (the bytes carry no clock).</summary>
    public static readonly DateTime Timestamp = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly ConcurrentDictionary<string, ReleaseFile> _files = new(StringComparer.Ordinal);
    private readonly AsyncLocal<ConcurrentBag<string>?> _written = new();
    private long _bytes;

    public string Root { get; } = root;

    public ReleaseJournal Journal { get; } = journal;

    public long Bytes => Interlocked.Read(ref _bytes);

    public int Count => _files.Count;

    /// <summary>The files written so far, by path (ordinal).</summary>
    public IReadOnlyList<ReleaseFile> Files => [.. _files.Values.OrderBy(f => f.Path, StringComparer.Ordinal)];

    /// <summary>From here on in this asynchronous flow (one series' conversion), the paths written are also added to the
    /// bag returned, so the journal knows every file a series made (whatever layout options add).</summary>
    public ConcurrentBag<string> RecordWrites() => _written.Value = [];

    /// <summary>Takes the interrupted build's file at <paramref name="path"/> as it is, when the journal has it whole.</summary>
    public bool TryKeep(string path)
    {
        if (!Journal.TryGetFile(path, out var file))
        {
            return false;
        }

        Add(file);
        return true;
    }

    public async Task WriteAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        var (full, temp) = Prepare(path);
        var target = Create(temp);
        await using (target.ConfigureAwait(false))
        {
            await target.WriteAsync(bytes, ct).ConfigureAwait(false);
            target.Flush(flushToDisk: true);
        }

        Finish(path, full, temp, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes.Span)));
    }

    /// <summary>Copies a stream into the release, hashing on the way.</summary>
    public async Task CopyAsync(string path, Stream source, CancellationToken ct)
    {
        var (full, temp) = Prepare(path);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        var target = Create(temp);
        await using (target.ConfigureAwait(false))
        {
            var buffer = new byte[1 << 16];
            int n;
            while ((n = await source.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                sha.AppendData(buffer, 0, n);
                await target.WriteAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
                size += n;
            }

            target.Flush(flushToDisk: true);
        }

        Finish(path, full, temp, size, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    /// <summary>Removes every file under the root that this build did not write (left by an interrupted build whose inputs changed).</summary>
    public void RemoveOthers()
    {
        string journal = Path.Combine(Root, ReleaseJournal.FolderName) + Path.DirectorySeparatorChar;
        foreach (string full in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            string path = Path.GetRelativePath(Root, full).Replace(Path.DirectorySeparatorChar, '/');
            if (!full.StartsWith(journal, StringComparison.Ordinal) && !_files.ContainsKey(path))
            {
                File.Delete(full);
            }
        }
    }

    private static FileStream Create(string temp) => new(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);

    private (string Full, string Temp) Prepare(string path)
    {
        if (_files.ContainsKey(path))
        {
            throw new ReleaseException($"release file {path} written twice");
        }

        string full = Path.Combine(Root, path.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return (full, Path.Combine(Journal.TempFolder, Guid.NewGuid().ToString("N")));
    }

    private void Finish(string path, string full, string temp, long size, string sha256)
    {
        File.SetLastWriteTimeUtc(temp, Timestamp);
        File.Move(temp, full, overwrite: true);
        var file = new ReleaseFile(path, size, sha256);
        Add(file);
        _written.Value?.Add(path);
        Journal.FileDone(file);
    }

    private void Add(ReleaseFile file)
    {
        if (!_files.TryAdd(file.Path, file))
        {
            throw new ReleaseException($"release file {file.Path} written twice");
        }

        Interlocked.Add(ref _bytes, file.Size);
    }
}
