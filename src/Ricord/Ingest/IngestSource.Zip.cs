using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ricord.Catalog;
using Ricord.Dicom;

namespace Ricord.Ingest;

/// <summary>
/// Zip entries, read one at a time within <see cref="ArchiveLimits"/>; a zip inside a zip is opened up to the depth limit.
/// An entry is read ahead into a pooled buffer that only its first reader (the worker) holds: the item keeps no bytes
/// while it waits for its group commit, and the rare later read (to quarantine it there) opens the archive again. So a
/// zip ingest holds at most the entries in the workers, in the queue and being read, not a whole batch of them.
/// </summary>
public static partial class IngestSource
{
    /// <summary>The entries of one archive, in name order, with their places in its central directory.</summary>
    private static List<(ZipArchiveEntry Entry, int Index)> FilesOf(ZipArchive archive) =>
        [.. archive.Entries.Select((e, i) => (e, i)).Where(x => !x.e.FullName.EndsWith('/')).OrderBy(x => x.e.FullName, StringComparer.Ordinal)];

    /// <summary>The items of one archive's entries (<paramref name="path"/> names it in output). An entry is read
    /// again, if it must be, from <paramref name="file"/> (the outermost archive on disk) through <paramref name="chain"/>,
    /// the central-directory places of the nested archives leading to this one.</summary>
    private static async IAsyncEnumerable<IngestItem> FromEntriesAsync(string path, string file, int[] chain, List<(ZipArchiveEntry Entry, int Index)> entries,
        int depth, Func<long> next, ArchiveLimits limits, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (entry, index) in entries)
        {
            string entryPath = $"{path}!{entry.FullName}";
            long ordinal = next();
            int[] place = [.. chain, index];
            var (bytes, problem) = await ReadEntryAsync(entry, entryPath, limits, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                // Nothing of it is kept: it could not be read, or reading it on would break a limit.
                yield return IngestItem.Unreadable(ordinal, entryPath, entry.Length, problem, keepFile: false);
            }
            else if (!bytes!.Memory.Span.StartsWith("PK\x03\x04"u8))
            {
                yield return new IngestItem(ordinal, entryPath, bytes, ct => ReadAgainAsync(file, place, entryPath, limits, ct));
            }
            else if (depth >= limits.MaxDepth)
            {
                long length = bytes.Memory.Length;
                bytes.Dispose();
                yield return IngestItem.Unreadable(ordinal, entryPath, length, new InputProblem(QuarantineReason.ArchiveLimit,
                    $"a zip archive inside {depth} archive(s): deeper than the limit of {limits.MaxDepth} archive levels (--max-archive-depth)"), keepFile: false);
            }
            else
            {
                using (bytes)
                {
                    await foreach (var item in FromNestedAsync(entryPath, file, place, bytes, ordinal, depth + 1, next, limits, cancellationToken).ConfigureAwait(false))
                    {
                        yield return item;
                    }
                }
            }
        }
    }

    /// <summary>The entries of a zip held in memory (an entry of another zip), or one unreadable item when it cannot be opened.</summary>
    private static async IAsyncEnumerable<IngestItem> FromNestedAsync(string path, string file, int[] chain, ItemBytes bytes, long ordinal, int depth,
        Func<long> next, ArchiveLimits limits, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ZipArchive? archive = null;
        List<(ZipArchiveEntry Entry, int Index)> entries = [];
        InputProblem? problem = null;
        try
        {
            archive = await ZipArchive.CreateAsync(AsStream(bytes), ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);
            entries = FilesOf(archive);
        }
        catch (Exception ex) when (InputErrors.IsInputError(ex))
        {
            problem = new InputProblem(QuarantineReason.Unreadable, $"zip archive inside a zip cannot be opened: {InputErrors.Describe(ex, path)}");
        }

        if (archive is null)
        {
            yield return IngestItem.Unreadable(ordinal, path, bytes.Memory.Length, problem!, keepFile: false);
            yield break;
        }

        await using (archive.ConfigureAwait(false))
        {
            await foreach (var item in FromEntriesAsync(path, file, chain, entries, depth, next, limits, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    private static MemoryStream AsStream(ItemBytes bytes) =>
        MemoryMarshal.TryGetArray(bytes.Memory, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.Memory.ToArray(), writable: false);

    /// <summary>
    /// The entry's bytes, or why not. Its declared size is checked against the limits before reading, and no more than
    /// it is held: an entry that expands past what it declared (a zip bomb's lie) is refused at that point.
    /// </summary>
    private static async Task<(ItemBytes? Bytes, InputProblem? Problem)> ReadEntryAsync(ZipArchiveEntry entry, string path, ArchiveLimits limits,
        CancellationToken cancellationToken)
    {
        if (limits.Check(entry.Length, entry.CompressedLength) is { } declared)
        {
            return (null, new InputProblem(QuarantineReason.ArchiveLimit, declared + " (by its declared size)"));
        }

        if (entry.Length > Array.MaxLength)
        {
            return (null, new InputProblem(QuarantineReason.ArchiveLimit, $"zip entry of {entry.Length} bytes, more than one entry can hold in memory"));
        }

        ItemBytes? bytes = null;
        try
        {
            var stream = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                bytes = await ItemBytes.ReadAsync(stream, (int)entry.Length, cancellationToken).ConfigureAwait(false);
                if (bytes.Memory.Length == entry.Length && await GoesOnAsync(stream, cancellationToken).ConfigureAwait(false))
                {
                    bytes.Dispose();
                    return (null, new InputProblem(QuarantineReason.ArchiveLimit,
                        $"zip entry expands past its declared size of {entry.Length} bytes; no more than declared is read (a zip bomb?)"));
                }

                // The decompressor stops at the declared size by itself, so a lie about it (or damage) shows here.
                if (System.IO.Hashing.Crc32.HashToUInt32(bytes.Memory.Span) != entry.Crc32)
                {
                    long read = bytes.Memory.Length;
                    bytes.Dispose();
                    return (null, new InputProblem(QuarantineReason.Unreadable,
                        $"zip entry's {read} bytes do not match its CRC-32: damaged, or larger than its declared size of {entry.Length} bytes (a zip bomb?); no more than declared is read"));
                }

                return (bytes, null);
            }
        }
        catch (Exception ex) when (InputErrors.IsInputError(ex))
        {
            bytes?.Dispose();
            return (null, new InputProblem(QuarantineReason.Unreadable, $"zip entry cannot be read: {InputErrors.Describe(ex, path)}"));
        }
    }

    /// <summary>Whether the stream has a byte more (read and dropped).</summary>
    private static async Task<bool> GoesOnAsync(Stream stream, CancellationToken cancellationToken)
    {
        byte[] probe = new byte[1];
        return await stream.ReadAsync(probe, cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>An entry read again from its archive file: each nested archive on the way is opened from the one
    /// before, by its place in the central directory. Fails as an input error when it is no longer there or readable.</summary>
    private static async Task<ItemBytes> ReadAgainAsync(string file, int[] place, string path, ArchiveLimits limits, CancellationToken cancellationToken)
    {
        var held = new List<ItemBytes>();
        try
        {
            Stream stream = new FileStream(RegularFile.OpenRead(file), FileAccess.Read, 1 << 16);
            for (int level = 0; ; level++)
            {
                var archive = await ZipArchive.CreateAsync(stream, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);
                await using (archive.ConfigureAwait(false))
                {
                    if (place[level] >= archive.Entries.Count)
                    {
                        throw new InvalidDataException($"{path}: the archive changed since it was read (entry {place[level]} is gone)");
                    }

                    var (bytes, problem) = await ReadEntryAsync(archive.Entries[place[level]], path, limits, cancellationToken).ConfigureAwait(false);
                    if (problem is not null)
                    {
                        throw new InvalidDataException(problem.Detail);
                    }

                    if (level == place.Length - 1)
                    {
                        return bytes!;
                    }

                    held.Add(bytes!);
                    stream = AsStream(bytes!);
                }
            }
        }
        finally
        {
            held.ForEach(h => h.Dispose());
        }
    }
}
