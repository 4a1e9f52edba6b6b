using System.Buffers.Binary;

namespace Ricord.Dicom.Imaging;

internal ref partial struct JpegDctDecoder
{
    private void ReadAdobe(ReadOnlySpan<byte> s)
    {
        if (s.Length >= 12 && s.StartsWith("Adobe"u8))
        {
            _adobeTransform = s[11];
        }
    }

    private void ReadFrameHeader(ReadOnlySpan<byte> s)
    {
        _precision = s[0];
        _height = BinaryPrimitives.ReadUInt16BigEndian(s[1..]);
        _width = BinaryPrimitives.ReadUInt16BigEndian(s[3..]);
        int count = s[5];
        if (_precision is not (8 or 12) || _width == 0 || _height == 0 || count == 0 || s.Length < 6 + (3 * count))
        {
            throw new PixelDataException($"JPEG DCT frame header is invalid or unsupported: precision {_precision}, {_width}x{_height}, {count} components");
        }

        _components = new Component[count];
        for (int i = 0; i < count; i++)
        {
            int hv = s[7 + (3 * i)];
            var c = new Component(s[6 + (3 * i)], hv >> 4, hv & 15, s[8 + (3 * i)] & 3);
            if (c.H is < 1 or > 4 || c.V is < 1 or > 4)
            {
                throw new PixelDataException($"JPEG component {c.Id} has invalid sampling factors {hv:X2}");
            }

            _components[i] = c;
            _maxH = Math.Max(_maxH, c.H);
            _maxV = Math.Max(_maxV, c.V);
        }

        _mcusX = (_width + (8 * _maxH) - 1) / (8 * _maxH);
        _mcusY = (_height + (8 * _maxV) - 1) / (8 * _maxV);
        foreach (var c in _components)
        {
            c.Allocate(_mcusX, _mcusY, _width, _height, _maxH, _maxV);
        }
    }

    private readonly void ReadHuffmanTables(ReadOnlySpan<byte> s)
    {
        while (s.Length >= 17)
        {
            int tc = s[0] >> 4, th = s[0] & 15;
            var bits = s.Slice(1, 16);
            int total = 0;
            foreach (byte b in bits)
            {
                total += b;
            }

            if (th > 3 || tc > 1 || s.Length < 17 + total)
            {
                throw new PixelDataException($"JPEG Huffman table {th} (class {tc}) is invalid or truncated");
            }

            (tc == 0 ? _dcTables : _acTables)[th] = new JpegHuffmanTable(bits, s.Slice(17, total));
            s = s[(17 + total)..];
        }
    }

    /// <summary>DQT (B.2.4.1): values come in zig-zag order; kept in natural order.</summary>
    private readonly void ReadQuantTables(ReadOnlySpan<byte> s)
    {
        while (s.Length >= 65)
        {
            int pq = s[0] >> 4, tq = s[0] & 15;
            int size = pq == 0 ? 64 : 128;
            if (tq > 3 || s.Length < 1 + size)
            {
                throw new PixelDataException($"JPEG quantisation table {tq} is invalid or truncated");
            }

            var table = new int[64];
            for (int k = 0; k < 64; k++)
            {
                table[ZigZag[k]] = pq == 0 ? s[1 + k] : BinaryPrimitives.ReadUInt16BigEndian(s[(1 + (2 * k))..]);
            }

            _quant[tq] = table;
            s = s[(1 + size)..];
        }
    }
}
