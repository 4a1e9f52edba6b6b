namespace Ricord.Dicom;

/// <summary>A DICOM Part 10 file (PS3.10 7): File Meta Information, then the data set in its transfer syntax.</summary>
public sealed class DicomFile
{
    private readonly byte[]? _preamble;

    internal DicomFile(DicomDataset meta, DicomDataset dataset, DicomTransferSyntax ts, IReadOnlyList<DicomWarning> warnings, byte[]? preamble)
    {
        Meta = meta;
        Dataset = dataset;
        TransferSyntax = ts;
        Warnings = warnings;
        _preamble = preamble;
    }

    /// <summary>A new file for <paramref name="dataset"/>; the meta group is completed when saved.</summary>
    public DicomFile(DicomDataset dataset, DicomTransferSyntax? transferSyntax = null)
        : this(new DicomDataset(), dataset, transferSyntax ?? DicomTransferSyntax.ExplicitVRLittleEndian, [], null)
    {
    }

    public DicomDataset Meta { get; }

    /// <summary>Byte offset of the data set in the input (after preamble and meta group).</summary>
    internal long DatasetOffset { get; init; }

    public DicomDataset Dataset { get; }

    public DicomTransferSyntax TransferSyntax { get; }

    /// <summary>Deviations from the standard that were tolerated while reading.</summary>
    public IReadOnlyList<DicomWarning> Warnings { get; }

    /// <summary>The 128-byte preamble as read (null if the input had none).</summary>
    public ReadOnlyMemory<byte>? Preamble => _preamble;

    public static DicomFile Open(string path, DicomReadOptions? options = null)
    {
        options = WithSource(options, path);
        try
        {
            using var input = new FileDicomInput(path);
            return DicomParser.Parse(input, options);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException or InvalidCastException)
        {
            throw new DicomFormatException($"Malformed data: {ex.Message}", 0, null, options.SourceName, ex);
        }
    }

    /// <summary>Reads a file: small files in one asynchronous read, large ones through a window with bulk data left on disk.</summary>
    public static async Task<DicomFile> OpenAsync(string path, DicomReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options = WithSource(options, path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"No such file: {path}", path);
        }

        if (info.Length <= 4 * options.LazyThreshold && !options.StopBeforePixelData)
        {
            // Through RegularFile: a named pipe would block a plain read forever.
            using var handle = RegularFile.OpenRead(path);
            byte[] bytes = new byte[RandomAccess.GetLength(handle)];
            int total = 0;
            for (int n; total < bytes.Length && (n = await RandomAccess.ReadAsync(handle, bytes.AsMemory(total), total, cancellationToken).ConfigureAwait(false)) > 0;)
            {
                total += n;
            }

            return Read(bytes.AsMemory(0, total), options);
        }

        return await Task.Run(() => Open(path, options), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Parses a file or bare data set held in memory; values are slices of <paramref name="bytes"/>.</summary>
    public static DicomFile Read(ReadOnlyMemory<byte> bytes, DicomReadOptions? options = null)
    {
        options ??= DicomReadOptions.Default;
        try
        {
            return DicomParser.Parse(new MemoryDicomInput(bytes), options);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException or InvalidCastException)
        {
            throw new DicomFormatException($"Malformed data: {ex.Message}", 0, null, options.SourceName, ex);
        }
    }

    /// <summary>Reads a whole stream (which need not be seekable) into memory and parses it.</summary>
    public static async Task<DicomFile> ReadAsync(Stream stream, DicomReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory, cancellationToken).ConfigureAwait(false);
        return Read(memory.GetBuffer().AsMemory(0, (int)memory.Length), options);
    }

    public void Save(string path, DicomWriteOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        DicomWriter.Write(stream, this, options ?? DicomWriteOptions.Default);
    }

    public async Task SaveAsync(Stream stream, DicomWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        byte[] bytes = ToBytes(options);
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the file to <paramref name="stream"/> element by element, with no whole-file buffer: large
    /// values (pixel data) are written from where they are held. Small writes: give it a buffered stream.</summary>
    public void WriteTo(Stream stream, DicomWriteOptions? options = null) => DicomWriter.Write(stream, this, options ?? DicomWriteOptions.Default);

    public byte[] ToBytes(DicomWriteOptions? options = null)
    {
        using var stream = new MemoryStream();
        DicomWriter.Write(stream, this, options ?? DicomWriteOptions.Default);
        return stream.ToArray();
    }

    private static DicomReadOptions WithSource(DicomReadOptions? options, string path)
    {
        options ??= DicomReadOptions.Default;
        return options.SourceName is not null
            ? options
            : new DicomReadOptions
            {
                StopBeforePixelData = options.StopBeforePixelData,
                LazyThreshold = options.LazyThreshold,
                MaxDepth = options.MaxDepth,
                MaxInflatedBytes = options.MaxInflatedBytes,
                SourceName = path,
            };
    }
}
