using System.IO.Compression;
using System.IO.Enumeration;
using System.Runtime.CompilerServices;
using Ricord.Catalog;
using Ricord.Dicom;

namespace Ricord.Ingest;

/// <summary>Walks files, folders (recursively, in ordinal name order) and zip archives as a stream of <see cref="IngestItem"/>.</summary>
public static partial class IngestSource
{
    /// <summary>Items larger than this are quarantined rather than read into memory.</summary>
    public const long MaxItemBytes = 2L << 30;

    /// <summary>Every file below <paramref name="folder"/>, recursively, in ordinal path order: the files ingest takes from a
    /// folder, so that whatever plans an ingest (e.g. a release import) sees the same ones. Hidden files are taken too:
    /// PACS exports often write DICOM files with dot names. Links to files are taken; links to folders are listed
    /// but not followed (a link can point back up the tree and the walk would never end): reading one fails, so it is
    /// reported like any unreadable input, and its target can be given as an input of its own.</summary>
    public static IEnumerable<string> FolderFiles(string folder) => Walk(folder).Order(StringComparer.Ordinal);

    /// <summary>How many paths <see cref="FolderFiles"/> gives, without sorting them (a progress bar's total).</summary>
    public static long CountFolderFiles(string folder) => Walk(folder).LongCount();

    /// <summary>Recursive into real folders only, skipping unreadable ones; links to folders are listed, not entered.</summary>
    private static FileSystemEnumerable<string> Walk(string folder) =>
        new(folder, (ref FileSystemEntry e) => e.ToFullPath(), AllFiles)
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory || IsLink(e),
            ShouldRecursePredicate = (ref FileSystemEntry e) => !IsLink(e),
        };

    private static bool IsLink(in FileSystemEntry e) => (e.Attributes & FileAttributes.ReparsePoint) != 0;

    /// <summary>Skips no attribute on purpose: .NET's default skips hidden and system files, and PACS exports write
    /// dot-named (hidden) DICOM files. Recursion into links is stopped by <see cref="Walk"/>, not by attributes.</summary>
    private static readonly EnumerationOptions AllFiles = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.None,
    };

    public static IAsyncEnumerable<IngestItem> EnumerateAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default) =>
        EnumerateAsync(paths, ArchiveLimits.Default, cancellationToken);

    /// <summary>The items of <paramref name="paths"/>, zip archives opened within <paramref name="limits"/>.</summary>
    public static async IAsyncEnumerable<IngestItem> EnumerateAsync(IEnumerable<string> paths, ArchiveLimits limits,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long ordinal = 0;
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in FolderFiles(path))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await foreach (var item in FromFile(file, () => ++ordinal, limits, cancellationToken).ConfigureAwait(false))
                    {
                        yield return item;
                    }
                }
            }
            else if (File.Exists(path))
            {
                await foreach (var item in FromFile(path, () => ++ordinal, limits, cancellationToken).ConfigureAwait(false))
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

    /// <summary>A file as one item, or a zip archive as one item per entry. Whatever cannot be read (the file, the
    /// archive, an entry) becomes an item with a <see cref="IngestItem.Problem"/>, quarantined instead of stopping the
    /// ingest of everything else.</summary>
    private static async IAsyncEnumerable<IngestItem> FromFile(string file, Func<long> next, ArchiveLimits limits, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long length = 0;
        bool zip = false;
        InputProblem? problem = null;
        if (Directory.Exists(file))
        {
            // Only a link to a folder gets here (FolderFiles lists, never follows, them).
            problem = new InputProblem(QuarantineReason.Unreadable,
                "a link to a folder, not followed (links can lead back up the tree); give that folder itself as an input");
        }
        else
        {
            try
            {
                length = new FileInfo(file).Length;
                zip = IsZip(file);
            }
            catch (Exception ex) when (InputErrors.IsInputError(ex))
            {
                problem = new InputProblem(QuarantineReason.Unreadable, $"the file cannot be read: {InputErrors.Describe(ex, file)}");
            }
        }

        if (problem is not null || !zip)
        {
            yield return problem is null ? IngestItem.FromFile(next(), file, length) : IngestItem.Unreadable(next(), file, length, problem, keepFile: false);
            yield break;
        }

        // Entries are read one at a time from the archive, so memory stays bounded by the largest entry.
        ZipArchive? archive = null;
        FileStream? stream = null;
        List<(ZipArchiveEntry Entry, int Index)> entries = [];
        try
        {
            // Opened through RegularFile, like every input; once created, the archive owns the stream.
            stream = new FileStream(RegularFile.OpenRead(file), FileAccess.Read, 1 << 16);
            archive = await ZipArchive.CreateAsync(stream, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);
            entries = FilesOf(archive);
        }
        catch (Exception ex) when (InputErrors.IsInputError(ex))
        {
            if (archive is not null)
            {
                await archive.DisposeAsync().ConfigureAwait(false);
                archive = null;
            }
            else if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            problem = new InputProblem(QuarantineReason.Unreadable,
                $"zip archive cannot be opened: {InputErrors.Describe(ex, file)}; a copy or download cut short leaves no central directory");
        }

        if (archive is null)
        {
            // The archive's own bytes are kept in quarantine: a person can still try to repair it.
            yield return IngestItem.Unreadable(next(), file, length, problem!, keepFile: true);
            yield break;
        }

        await using (archive.ConfigureAwait(false))
        {
            await foreach (var item in FromEntriesAsync(file, file, [], entries, depth: 1, next, limits, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    private static bool IsZip(string file)
    {
        Span<byte> magic = stackalloc byte[4];
        using var handle = RegularFile.OpenRead(file);
        return RandomAccess.Read(handle, magic, 0) == 4 && magic.SequenceEqual("PK\x03\x04"u8);
    }
}
