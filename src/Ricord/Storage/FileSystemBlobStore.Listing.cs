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
    public Task<int> SweepAbandonedWritesAsync(TimeSpan olderThan, CancellationToken ct) =>
        Task.FromResult(InFlightWrites.Sweep(_root, olderThan, ct));

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
