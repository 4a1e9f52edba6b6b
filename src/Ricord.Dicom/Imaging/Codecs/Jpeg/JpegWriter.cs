namespace Ricord.Dicom.Imaging;

/// <summary>Builds a JPEG stream: marker segments, then entropy-coded bits with 0xFF byte stuffing (T.81 F.1.2.3).</summary>
internal sealed class JpegWriter(int capacity)
{
    private byte[] _buffer = new byte[Math.Max(capacity, 64)];
    private int _length;
    private ulong _bits;
    private int _bitCount;

    public void WriteByte(int b)
    {
        if (_length == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        _buffer[_length++] = (byte)b;
    }

    public void WriteUInt16(int v)
    {
        WriteByte(v >> 8);
        WriteByte(v);
    }

    public void WriteMarker(int code)
    {
        WriteByte(0xFF);
        WriteByte(code);
    }

    public void WriteBits(int value, int count)
    {
        _bits = (_bits << count) | ((uint)value & ((1u << count) - 1));
        _bitCount += count;
        while (_bitCount >= 8)
        {
            _bitCount -= 8;
            int b = (int)(_bits >> _bitCount) & 0xFF;
            WriteByte(b);
            if (b == 0xFF)
            {
                WriteByte(0);
            }
        }
    }

    /// <summary>Pads the last byte with one bits (F.1.2.3).</summary>
    public void FlushBits()
    {
        if (_bitCount > 0)
        {
            WriteBits(0x7F, 8 - _bitCount);
        }
    }

    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();
}
