using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace Ricord.Ingest;

/// <summary>Walks files, folders (recursively, in ordinal name order) and zip archives as a stream of <see cref="IngestItem"/>.</summary>
public static class IngestSource
{
    /// <summary>Items larger than this are quarantined rather than read into memory.</summary>
    public const long MaxItemBytes = 2L << 30;

    /// <summary>Every file below <paramref name="folder"/>, recursively, in ordinal path order: the files ingest takes from a
    /// folder, so that whatever plans an ingest (e.g. a release import) sees the same ones. Hidden files are taken too:
    /// PACS exports often write DICOM files with dot names.</summary>
    public static IEnumerable<string> FolderFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", AllFiles).Order(StringComparer.Ordinal);

    /// <summary>Recursive, skipping unreadable folders, and skipping no attribute: .NET's default skips hidden and
    /// system files, and a PACS export's dot-named DICOM files are "hidden".</summary>
    private static readonly EnumerationOptions AllFiles = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.None,
    };

    public static async IAsyncEnumerable<IngestItem> EnumerateAsync(IEnumerable<string> paths, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long ordinal = 0;
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in FolderFiles(path))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await foreach (var item in FromFile(file, () => ++ordinal, cancellationToken).ConfigureAwait(false))
                    {
                        yield return item;
                    }
                }
            }
            else if (File.Exists(path))
            {
                await foreach (var item in FromFile(path, () => ++ordinal, cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }
            }
            else
            {
                throw new FileNotFoundException($"No such file or folder: {path}", path);
            }
        }
    }

    private static async IAsyncEnumerable<IngestItem> FromFile(string file, Func<long> next, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (IsZip(file))
        {
            // Entries are read one at a time from the archive, so memory stays bounded by the largest entry.
            var archive = await ZipFile.OpenReadAsync(file, cancellationToken).ConfigureAwait(false);
            await using (archive.ConfigureAwait(false))
            {
                foreach (var entry in archive.Entries.Where(e => !e.FullName.EndsWith('/')).OrderBy(e => e.FullName, StringComparer.Ordinal))
                {
                    var e = entry;
                    byte[] bytes = await ReadEntryAsync(e, cancellationToken).ConfigureAwait(false);
                    yield return new IngestItem(next(), $"{file}!{e.FullName}", bytes.LongLength, _ => Task.FromResult(bytes));
                }
            }

            yield break;
        }

        long length = new FileInfo(file).Length;
        yield return IngestItem.FromFile(next(), file, length);
    }

    private static async Task<byte[]> ReadEntryAsync(ZipArchiveEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Length > MaxItemBytes)
        {
            return [];
        }

        var stream = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new MemoryStream((int)Math.Max(0, entry.Length));
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
    }

    private static bool IsZip(string file)
    {
        Span<byte> magic = stackalloc byte[4];
        using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.Read);
        return RandomAccess.Read(handle, magic, 0) == 4 && magic.SequenceEqual("PK\x03\x04"u8);
    }
}
