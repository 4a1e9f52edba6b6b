using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Ricord.Release;

/// <summary>
/// The release folder being written: every file is written once, hashed as it is written, and stamped with the
/// same modification time (<see cref="Timestamp"/>), so that the folder and any archive made of it are the same
/// for the same inputs.
/// </summary>
internal sealed class ReleaseOutput(string root)
{
    /// <summary>The modification time of every release file (the bytes carry no clock).</summary>
    public static readonly DateTime Timestamp = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly ConcurrentDictionary<string, ReleaseFile> _files = new(StringComparer.Ordinal);

    public string Root { get; } = root;

    public long Bytes => _files.Values.Sum(f => f.Size);

    public int Count => _files.Count;

    /// <summary>The files written so far, by path (ordinal).</summary>
    public IReadOnlyList<ReleaseFile> Files => [.. _files.Values.OrderBy(f => f.Path, StringComparer.Ordinal)];

    public async Task WriteAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        string full = Prepare(path);
        await File.WriteAllBytesAsync(full, bytes, ct).ConfigureAwait(false);
        Finish(path, full, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes.Span)));
    }

    /// <summary>Copies a stream into the release, hashing on the way.</summary>
    public async Task CopyAsync(string path, Stream source, CancellationToken ct)
    {
        string full = Prepare(path);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        var target = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
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
        }

        Finish(path, full, size, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    private string Prepare(string path)
    {
        if (_files.ContainsKey(path))
        {
            throw new ReleaseException($"release file {path} written twice");
        }

        string full = Path.Combine(Root, path.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    private void Finish(string path, string full, long size, string sha256)
    {
        File.SetLastWriteTimeUtc(full, Timestamp);
        _files[path] = new ReleaseFile(path, size, sha256);
    }
}
