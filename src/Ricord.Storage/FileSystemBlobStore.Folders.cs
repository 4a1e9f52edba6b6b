using System.Collections.Concurrent;
using System.Globalization;

namespace Ricord.Storage;

/// <summary>Folders that writes need, made durable once per process.</summary>
public sealed partial class FileSystemBlobStore
{
    /// <summary>Folders this process has created or found and whose entry in their parent it has fsynced.</summary>
    private readonly ConcurrentDictionary<string, bool> _durableFolders = new(StringComparer.Ordinal);

    /// <summary>
    /// Makes sure <paramref name="dir"/> exists and its entry is durable, up to the root. A shard folder brings its
    /// 255 siblings (00…ff) along, all created at once and made durable with one fsync of their parent, so blob
    /// writes never create folders. Once per folder and process the parent is fsynced even when the folder already
    /// existed: a crashed process may have created it without making the entry durable.
    /// </summary>
    private void EnsureDurableDirectory(string dir, bool shard)
    {
        if (_durableFolders.ContainsKey(dir) || dir.Length <= _root.Length)
        {
            return;
        }

        var parent = Path.GetDirectoryName(dir)!;
        EnsureDurableDirectory(parent, shard: false);
        var created = shard && IsShardName(Path.GetFileName(dir))
            ? Enumerable.Range(0, 256).Select(i => Path.Combine(parent, i.ToString("x2", CultureInfo.InvariantCulture))).ToArray()
            : [dir];
        foreach (var d in created.Where(d => !Directory.Exists(d)))
        {
            Directory.CreateDirectory(d);
        }

        DirectorySync.Flush(parent);
        foreach (var d in created)
        {
            _durableFolders[d] = true;
        }
    }

    private static bool IsShardName(string name) =>
        name.Length == 2 && name.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
