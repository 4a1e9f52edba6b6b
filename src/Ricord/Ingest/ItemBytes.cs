using System.Buffers;
using Ricord.Dicom;

namespace Ricord.Ingest;

/// <summary>The bytes of one input item. A file is read into an array rented from the shared pool: instances are
/// large-object-heap sized, and a fresh array per instance costs gen-2 collections. Nothing may keep a slice of
/// <see cref="Memory"/> (a parsed data set does) after disposal.</summary>
internal sealed class ItemBytes : IDisposable
{
    private byte[]? _rented;

    public ItemBytes(byte[] bytes)
    {
        Memory = bytes;
    }

    private ItemBytes(byte[] rented, int length)
    {
        _rented = rented;
        Memory = rented.AsMemory(0, length);
    }

    public ReadOnlyMemory<byte> Memory { get; }

    /// <summary>Reads the whole file (the caller has checked its size is within <see cref="IngestSource.MaxItemBytes"/>).</summary>
    public static ItemBytes ReadFile(string path)
    {
        using var handle = RegularFile.OpenRead(path);
        long length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength)
        {
            return new ItemBytes([]);
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)length);
        int total = 0;
        try
        {
            for (int n; total < length && (n = RandomAccess.Read(handle, buffer.AsSpan(total, (int)length - total), total)) > 0;)
            {
                total += n;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return new ItemBytes(buffer, total);
    }

    /// <summary>Up to <paramref name="length"/> bytes of <paramref name="stream"/> (fewer if it ends first) in a pooled buffer.</summary>
    public static async Task<ItemBytes> ReadAsync(Stream stream, int length, CancellationToken cancellationToken)
    {
        if (length == 0)
        {
            return new ItemBytes([]);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        int total = 0;
        try
        {
            for (int n; total < length && (n = await stream.ReadAsync(buffer.AsMemory(total, length - total), cancellationToken).ConfigureAwait(false)) > 0;)
            {
                total += n;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return new ItemBytes(buffer, total);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _rented, null) is { } rented)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
