using System.Runtime.CompilerServices;

namespace Ricord.Storage;

public sealed partial class FileSystemBlobStore
{
    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        foreach (var file in Directory.EnumerateFiles(_root, "*", options))
        {
            ct.ThrowIfCancellationRequested();
            if (file.EndsWith(InFlightWrites.TempSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            var key = KeyOf(file);
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return key;
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>Deletes temp files left by crashed or interrupted writes; returns how many. A temp file goes when its
    /// writer was a process of this host that no longer runs, or when it was last written before
    /// <paramref name="olderThan"/> ago (writers on other hosts sharing the folder cannot be asked). Ingest runs it
    /// at start.</summary>
    public Task<int> SweepAbandonedWritesAsync(TimeSpan olderThan, CancellationToken ct)
    {
        // Temp files are written in one folder, so a sweep costs the same at ten blobs and at ten million: it never
        // reads the shard folders that hold the blobs. Before that folder existed, drafts were written in the prefix
        // folders; those are still swept (without entering shard folders). Puts of those versions wrote their temp file
        // in the shard folder itself; such a leftover is invisible to readers and listings and is not swept.
        int swept = InFlightWrites.Sweep(WritesFolder, olderThan, ct, recursive: false);
        foreach (var dir in PrefixFolders(_root))
        {
            swept += InFlightWrites.Sweep(dir, olderThan, ct, recursive: false);
        }

        return Task.FromResult(swept);
    }

    /// <summary><paramref name="dir"/> and the folders under it that are neither shards nor the writes folder.</summary>
    private static IEnumerable<string> PrefixFolders(string dir)
    {
        yield return dir;
        foreach (var sub in Directory.EnumerateDirectories(dir))
        {
            var name = Path.GetFileName(sub);
            if (IsShardName(name) || name.EndsWith(InFlightWrites.TempSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var folder in PrefixFolders(sub))
            {
                yield return folder;
            }
        }
    }

    /// <summary>The key of a stored file, in the current layout (DIR/ab/ab12…) or the two-level one (DIR/ab/12/ab12…).</summary>
    private string KeyOf(string file)
    {
        var segments = Path.GetRelativePath(_root, file).Split(Path.DirectorySeparatorChar).ToList();
        var name = segments[^1];
        if (name.Length >= 4 && segments.Count >= 3 && segments[^3] == name[..2] && segments[^2] == name[2..4])
        {
            segments.RemoveRange(segments.Count - 3, 2);
        }
        else if (name.Length >= 4 && segments.Count >= 2 && segments[^2] == name[..2])
        {
            segments.RemoveAt(segments.Count - 2);
        }

        return string.Join('/', segments);
    }
}
