using Microsoft.Win32.SafeHandles;

namespace Ricord.Dicom;

/// <summary>
/// A file read through a window of positional reads. Windows are never reused, so values sliced from
/// one stay valid; large values are left on disk as <see cref="FileRangeDicomBuffer"/>.
/// </summary>
internal sealed class FileDicomInput : DicomInput, IDisposable
{
    private const int MinWindow = 16 * 1024;
    private readonly SafeFileHandle _handle;
    private readonly string _path;
    private byte[] _window = [];
    private long _windowStart;
    private int _windowLength;

    public FileDicomInput(string path)
    {
        _path = Path.GetFullPath(path);
        _handle = RegularFile.OpenRead(path);
        Length = RandomAccess.GetLength(_handle);
    }

    public override long Length { get; }

    public override ReadOnlySpan<byte> Get(long offset, int count)
    {
        if (offset < _windowStart || offset + count > _windowStart + _windowLength)
        {
            Fill(offset, count);
        }

        return _window.AsSpan((int)(offset - _windowStart), count);
    }

    private void Fill(long offset, int count)
    {
        // Grow the window geometrically so that a long header costs O(log n) reads.
        int size = (int)Math.Min(Length - offset, Math.Max(Math.Max(count, MinWindow), (long)_window.Length * 2));
        var window = new byte[size];
        int read = 0;
        while (read < size)
        {
            int n = RandomAccess.Read(_handle, window.AsSpan(read), offset + read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        _window = window;
        _windowStart = offset;
        _windowLength = read;
    }

    public override DicomBuffer Slice(long offset, long length, bool lazy, int swapUnit)
    {
        bool inWindow = offset >= _windowStart && offset + length <= _windowStart + _windowLength;
        if (lazy && !inWindow)
        {
            return new FileRangeDicomBuffer(_path, offset, length, swapUnit);
        }

        var span = Get(offset, (int)length);
        if (swapUnit > 1)
        {
            return DicomBuffer.From(ByteSwap.Copy(span, swapUnit));
        }

        return DicomBuffer.From(_window.AsMemory((int)(offset - _windowStart), (int)length));
    }

    public void Dispose() => _handle.Dispose();
}
