using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Ricord.Release;

/// <summary>
/// The record of an unfinished build, kept in the output folder (<see cref="FolderName"/>) until the manifest is written,
/// so that a killed build restarts where it stopped: <c>build.json</c> says which build it is (spec, version, curator,
/// earlier release, withdrawals, Ricord build), <c>journal</c> lists, one JSON line each, the inputs' fingerprint, every
/// file finished (moved into place whole, with size and SHA-256) and every series converted (its series.csv facts). On a
/// restart a journaled file is trusted only if it is still there with that size and SHA-256, and nothing is trusted when
/// the inputs changed; a file that is not journaled (a half-written one included) is written again.
/// </summary>
internal sealed class ReleaseJournal : IDisposable
{
    public const string FolderName = ".ricord-build";
    private const string BuildFile = "build.json";
    private const string JournalFile = "journal";
    private const int SyncEvery = 256;

    /// <summary>Journal lines: a series outcome is written without its series (the catalog gives it back on a restart).</summary>
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    foreach (var p in info.Properties.Where(p => p.PropertyType == typeof(ReleaseSeries)))
                    {
                        p.ShouldSerialize = (_, _) => false;
                    }
                },
            },
        },
    };

    private readonly Dictionary<string, ReleaseFile> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SeriesRecord> _series = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly string _folder;
    private readonly FileStream _journal;
    private string? _inputs;
    private int _unsynced;

    private ReleaseJournal(string folder, FileStream journal)
    {
        _folder = folder;
        _journal = journal;
    }

    /// <summary>Files of the interrupted build kept as they were (journaled, checked).</summary>
    public int Kept { get; private set; }

    /// <summary>Whether this build continues an interrupted one.</summary>
    public bool Resumed { get; private init; }

    /// <summary>Where files are written before they are moved into place (same file system, emptied on every start).</summary>
    public string TempFolder => Path.Combine(_folder, "tmp");

    /// <summary>
    /// Starts the journal of a build into <paramref name="root"/>: a new one in an absent or empty folder, the interrupted
    /// one when the folder holds an unfinished build with the same <paramref name="identity"/>; any other non-empty folder
    /// (someone else's files, a finished release, another build) is refused.
    /// </summary>
    public static ReleaseJournal Open(string root, string identity)
    {
        string folder = Path.Combine(root, FolderName);
        string build = Path.Combine(folder, BuildFile);
        bool empty = !Directory.Exists(root) || !Directory.EnumerateFileSystemEntries(root).Any();
        if (!empty)
        {
            if (!File.Exists(build))
            {
                throw NotEmpty("the output folder is not empty (a release is written once, into a new folder)");
            }

            if (!string.Equals(File.ReadAllText(build), identity, StringComparison.Ordinal))
            {
                throw NotEmpty($"the output folder holds an unfinished build of another spec, version or input ({FolderName}/{BuildFile} differs); use a new folder or delete it");
            }
        }

        Directory.CreateDirectory(folder);
        if (empty)
        {
            WriteDurably(build, Encoding.UTF8.GetBytes(identity), Path.Combine(folder, BuildFile + ".tmp"));
        }

        if (Directory.Exists(Path.Combine(folder, "tmp")))
        {
            Directory.Delete(Path.Combine(folder, "tmp"), recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(folder, "tmp"));
        string path = Path.Combine(folder, JournalFile);
        var lines = File.Exists(path) ? ReadLines(path) : [];
        var journal = new ReleaseJournal(folder, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read)) { Resumed = !empty };
        journal.Load(lines);
        return journal;
    }

    /// <summary>
    /// Sets the fingerprint of the build's inputs (catalog selection, reads, labels). On a restart with other inputs
    /// the earlier records are dropped (their files get written again).
    /// </summary>
    public void Begin(string inputs)
    {
        if (_inputs != inputs)
        {
            _files.Clear();
            _series.Clear();
            _journal.SetLength(0);
            Append(new Line { Inputs = inputs }, sync: true);
            _inputs = inputs;
        }
    }

    /// <summary>Drops journaled files that are no longer there whole (size and SHA-256 checked), and the series that wrote them.</summary>
    public async Task CheckAsync(string root, int parallelism, CancellationToken ct)
    {
        var bad = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(_files.Values.ToList(), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (f, c) =>
        {
            string full = Path.Combine(root, f.Path);
            if (!File.Exists(full) || new FileInfo(full).Length != f.Size)
            {
                bad.Add(f.Path);
                return;
            }

            var stream = File.OpenRead(full);
            await using (stream.ConfigureAwait(false))
            {
                if (Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, c).ConfigureAwait(false)) != f.Sha256)
                {
                    bad.Add(f.Path);
                }
            }
        }).ConfigureAwait(false);
        foreach (string path in bad)
        {
            _files.Remove(path);
        }

        foreach (var (uid, record) in _series.ToList())
        {
            if (record.Files.Any(p => !_files.ContainsKey(p)))
            {
                _series.Remove(uid);
            }
        }

        Kept = _files.Count;
    }

    public bool TryGetFile(string path, out ReleaseFile file)
    {
        lock (_lock)
        {
            return _files.TryGetValue(path, out file!);
        }
    }

    public SeriesRecord? FindSeries(string seriesUid)
    {
        lock (_lock)
        {
            return _series.GetValueOrDefault(seriesUid);
        }
    }

    public void FileDone(ReleaseFile file)
    {
        lock (_lock)
        {
            _files[file.Path] = file;
            Append(new Line { File = file }, sync: false);
        }
    }

    public void SeriesDone(string seriesUid, SeriesRecord record)
    {
        lock (_lock)
        {
            _series[seriesUid] = record;
            Append(new Line { Series = seriesUid, Outcome = record }, sync: false);
        }
    }

    /// <summary>Writes everything journaled so far to disk.</summary>
    public void Sync()
    {
        lock (_lock)
        {
            _journal.Flush(flushToDisk: true);
            _unsynced = 0;
        }
    }

    /// <summary>The build is finished (its manifest is in place): the journal goes.</summary>
    public void Complete()
    {
        _journal.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    public void Dispose() => _journal.Dispose();

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="temp"/>, flushes them to disk and moves the file to <paramref name="path"/>.</summary>
    public static void WriteDurably(string path, ReadOnlySpan<byte> bytes, string temp)
    {
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    private static ReleaseException NotEmpty(string message) => new(message) { OutputNotEmpty = true };

    /// <summary>The journal's complete lines; a line cut by the kill (no newline, or not JSON) ends it.</summary>
    private static List<Line> ReadLines(string path)
    {
        var result = new List<Line>();
        var bytes = File.ReadAllBytes(path);
        int start = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != (byte)'\n')
            {
                continue;
            }

            try
            {
                result.Add(JsonSerializer.Deserialize<Line>(bytes.AsSpan(start, i - start), Json) ?? throw new JsonException("null"));
            }
            catch (JsonException)
            {
                break;
            }

            start = i + 1;
        }

        return result;
    }

    private void Load(List<Line> lines)
    {
        if (lines.Count == 0 || lines[0].Inputs is not { } inputs)
        {
            _journal.SetLength(0);
            return;
        }

        _inputs = inputs;
        foreach (var line in lines.Skip(1))
        {
            if (line.File is { } f)
            {
                _files[f.Path] = f;
            }
            else if (line.Series is { } uid && line.Outcome is { } o)
            {
                _series[uid] = o;
            }
        }

        // Rewrite the journal as read, so that a cut last line is gone before anything is appended.
        _journal.SetLength(0);
        foreach (var line in lines)
        {
            Append(line, sync: false);
        }

        _journal.Flush(flushToDisk: true);
    }

    private void Append(Line line, bool sync)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(line, Json);
        _journal.Seek(0, SeekOrigin.End);
        _journal.Write(bytes);
        _journal.WriteByte((byte)'\n');
        _journal.Flush(flushToDisk: sync || ++_unsynced >= SyncEvery);
        _unsynced = sync ? 0 : _unsynced % SyncEvery;
    }

    private sealed record Line
    {
        public string? Inputs { get; init; }

        public ReleaseFile? File { get; init; }

        public string? Series { get; init; }

        public SeriesRecord? Outcome { get; init; }
    }
}
