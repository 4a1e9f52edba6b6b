using System.IO.Compression;
using System.Runtime.CompilerServices;
using Ricord.Catalog;

namespace Ricord.Ingest;

/// <summary>Zip entries, read one at a time within <see cref="ArchiveLimits"/>; a zip inside a zip is opened up to the depth limit.</summary>
public static partial class IngestSource
{
    private static async IAsyncEnumerable<IngestItem> FromEntriesAsync(string path, List<ZipArchiveEntry> entries, int depth, Func<long> next,
        ArchiveLimits limits, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            string entryPath = $"{path}!{entry.FullName}";
            long ordinal = next();
            var (bytes, problem) = await ReadEntryAsync(entry, entryPath, limits, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                // Nothing of it is kept: it could not be read, or reading it on would break a limit.
                yield return IngestItem.Unreadable(ordinal, entryPath, entry.Length, problem, keepFile: false);
            }
            else if (!bytes.AsSpan().StartsWith("PK\x03\x04"u8))
            {
                yield return new IngestItem(ordinal, entryPath, bytes!.LongLength, _ => Task.FromResult(bytes));
            }
            else if (depth >= limits.MaxDepth)
            {
                yield return IngestItem.Unreadable(ordinal, entryPath, bytes!.LongLength, new InputProblem(QuarantineReason.ArchiveLimit,
                    $"a zip archive inside {depth} archive(s): deeper than the limit of {limits.MaxDepth} archive levels (--max-archive-depth)"), keepFile: false);
            }
            else
            {
                await foreach (var item in FromNestedAsync(entryPath, bytes!, ordinal, depth + 1, next, limits, cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }
            }
        }
    }

    /// <summary>The entries of a zip held in memory (an entry of another zip), or one unreadable item when it cannot be opened.</summary>
    private static async IAsyncEnumerable<IngestItem> FromNestedAsync(string path, byte[] bytes, long ordinal, int depth, Func<long> next,
        ArchiveLimits limits, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ZipArchive? archive = null;
        List<ZipArchiveEntry> entries = [];
        InputProblem? problem = null;
        try
        {
            archive = await ZipArchive.CreateAsync(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);
            entries = [.. archive.Entries.Where(e => !e.FullName.EndsWith('/')).OrderBy(e => e.FullName, StringComparer.Ordinal)];
        }
        catch (Exception ex) when (InputErrors.IsInputError(ex))
        {
            problem = new InputProblem(QuarantineReason.Unreadable, $"zip archive inside a zip cannot be opened: {InputErrors.Describe(ex, path)}");
        }

        if (archive is null)
        {
            yield return IngestItem.Unreadable(ordinal, path, bytes.LongLength, problem!, keepFile: false);
            yield break;
        }

        await using (archive.ConfigureAwait(false))
        {
            await foreach (var item in FromEntriesAsync(path, entries, depth, next, limits, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// The entry's bytes, or why not. Checked before reading (the declared sizes) and while reading (declared sizes can
    /// lie): never more than the limits allow is held, and the buffer grows with what really arrives.
    /// </summary>
    private static async Task<(byte[]? Bytes, InputProblem? Problem)> ReadEntryAsync(ZipArchiveEntry entry, string path, ArchiveLimits limits,
        CancellationToken cancellationToken)
    {
        if (limits.Check(entry.Length, entry.CompressedLength) is { } declared)
        {
            return (null, new InputProblem(QuarantineReason.ArchiveLimit, declared + " (by its declared size)"));
        }

        try
        {
            var stream = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                byte[] buffer = new byte[Math.Clamp(entry.Length, 0, 64L << 20)];
                int total = 0;
                while (true)
                {
                    if (total == buffer.Length)
                    {
                        // Past what was declared (or 64 MiB): one byte more tells whether the entry goes on.
                        Array.Resize(ref buffer, (int)Math.Min(Math.Max(2L * buffer.Length, 1 << 16), Math.Min(limits.MaxEntryBytes + 1, Array.MaxLength)));
                        if (total == buffer.Length)
                        {
                            return (null, new InputProblem(QuarantineReason.ArchiveLimit, $"zip entry expands past {total} bytes, the most one entry can hold in memory"));
                        }
                    }

                    int n = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
                    if (n == 0)
                    {
                        break;
                    }

                    total += n;
                    if (limits.Check(total, entry.CompressedLength) is { } limit)
                    {
                        return (null, new InputProblem(QuarantineReason.ArchiveLimit, limit));
                    }
                }

                if (total != buffer.Length)
                {
                    Array.Resize(ref buffer, total);
                }

                return (buffer, null);
            }
        }
        catch (Exception ex) when (InputErrors.IsInputError(ex))
        {
            return (null, new InputProblem(QuarantineReason.Unreadable, $"zip entry cannot be read: {InputErrors.Describe(ex, path)}"));
        }
    }
}
