namespace Ricord.Dicom;

/// <summary>
/// A large value (pixel data, other bulk data) left in its file and read on demand, so that parsing
/// a header never allocates for the bulk. <see cref="SwapUnit"/> &gt; 1 converts big-endian words on read.
/// </summary>
public sealed class FileRangeDicomBuffer : DicomBuffer
{
    private ReadOnlyMemory<byte>? _loaded;

    public FileRangeDicomBuffer(string path, long offset, long length, int swapUnit = 1)
    {
        Path = path;
        Offset = offset;
        LengthInFile = length;
        SwapUnit = swapUnit;
    }

    public string Path { get; }

    public long Offset { get; }

    public long LengthInFile { get; }

    public int SwapUnit { get; }

    public override long Length => LengthInFile;

    public override bool IsLazy => _loaded is null;

    public override ReadOnlyMemory<byte> Memory => _loaded ??= Load();

    public override void CopyTo(Span<byte> destination)
    {
        if (_loaded is { } loaded)
        {
            loaded.Span.CopyTo(destination);
            return;
        }

        if (destination.Length < LengthInFile)
        {
            throw new ArgumentException($"Destination of {destination.Length} bytes is shorter than the value's {LengthInFile}", nameof(destination));
        }

        ReadInto(destination[..(int)LengthInFile]);
    }

    private byte[] Load()
    {
        if (LengthInFile > Array.MaxLength)
        {
            throw new DicomFormatException($"Value of {LengthInFile} bytes is too large to hold in memory", Offset, null, Path);
        }

        // Every byte is overwritten by the read: no zeroing.
        var bytes = GC.AllocateUninitializedArray<byte>((int)LengthInFile);
        ReadInto(bytes);
        return bytes;
    }

    private void ReadInto(Span<byte> bytes)
    {
        using var handle = File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.Read);
        int read = 0;
        while (read < bytes.Length)
        {
            int n = RandomAccess.Read(handle, bytes[read..], Offset + read);
            if (n == 0)
            {
                throw new DicomFormatException($"File ended inside a value of {LengthInFile} bytes", Offset + read, null, Path);
            }

            read += n;
        }

        ByteSwap.InPlace(bytes, SwapUnit);
    }

    public override async ValueTask CopyToAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        if (_loaded is { } loaded || SwapUnit > 1)
        {
            await destination.WriteAsync(Memory, cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        file.Position = Offset;
        var buffer = new byte[(int)Math.Min(LengthInFile, 1 << 20)];
        long left = LengthInFile;
        while (left > 0)
        {
            int n = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(left, buffer.Length)), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                throw new DicomFormatException($"File ended inside a value of {LengthInFile} bytes", Offset + LengthInFile - left, null, Path);
            }

            await destination.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
            left -= n;
        }
    }
}
