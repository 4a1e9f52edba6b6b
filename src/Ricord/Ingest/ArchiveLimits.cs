namespace Ricord.Ingest;

/// <summary>
/// Limits on what a zip archive may make ingest read, so that a zip bomb (a small archive of huge entries, or archives
/// inside archives) is quarantined as <see cref="Catalog.QuarantineReason.ArchiveLimit"/> instead of filling memory.
/// The defaults pass any real DICOM export: an entry up to 2 GiB, compressed at any ratio up to 32 MiB, and above that
/// at most 200 to 1 (deflate reaches about 1,000 to 1 on zeros; real images, even mostly black, stay far below).
/// </summary>
public sealed record ArchiveLimits
{
    public static ArchiveLimits Default { get; } = new();

    /// <summary>Most bytes one entry may expand to (CLI: --max-entry-size).</summary>
    public long MaxEntryBytes { get; init; } = IngestSource.MaxItemBytes;

    /// <summary>Most uncompressed bytes per compressed byte of an entry above <see cref="RatioFloorBytes"/> (CLI: --max-expansion-ratio).</summary>
    public double MaxExpansionRatio { get; init; } = 200;

    /// <summary>Entries expanding to no more than this are never refused for their ratio.</summary>
    public long RatioFloorBytes { get; init; } = 32L << 20;

    /// <summary>How many archive levels are opened: 1 a zip, 2 a zip inside it too (the default); deeper ones are refused (CLI: --max-archive-depth).</summary>
    public int MaxDepth { get; init; } = 2;

    /// <summary>Null while <paramref name="bytes"/> expanded from <paramref name="compressed"/> are within the limits; else which limit they break.</summary>
    public string? Check(long bytes, long compressed)
    {
        if (bytes > MaxEntryBytes)
        {
            return $"zip entry expands past {MaxEntryBytes} bytes, the limit (--max-entry-size)";
        }

        return bytes > RatioFloorBytes && bytes > MaxExpansionRatio * Math.Max(1, compressed)
            ? $"zip entry expands more than {MaxExpansionRatio:0.##} times its compressed size of {compressed} bytes, the limit (--max-expansion-ratio; a zip bomb?)"
            : null;
    }
}
