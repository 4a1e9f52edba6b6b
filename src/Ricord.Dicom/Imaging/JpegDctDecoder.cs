using System.Buffers.Binary;

namespace Ricord.Dicom.Imaging;

/// <summary>
/// Sequential DCT JPEG, Huffman coded (ITU T.81 processes 1, 2 and 4: SOF0 and SOF1), 8 or 12 bit, any number of
/// components and sampling factors, interleaved or not, with restart markers. The arithmetic copies the IJG
/// library's defaults (islow integer IDCT, fancy upsampling, table-driven YCbCr → RGB), which dcmtk's dcmdjpeg
/// and gdcm use, so the output equals theirs sample for sample.
/// </summary>
internal ref partial struct JpegDctDecoder
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly JpegHuffmanTable?[] _dcTables = new JpegHuffmanTable?[4];
    private readonly JpegHuffmanTable?[] _acTables = new JpegHuffmanTable?[4];
    private readonly int[][] _quant = new int[4][];
    private int _pos;
    private int _precision;
    private int _width;
    private int _height;
    private int _restartInterval;
    private int _maxH;
    private int _maxV;
    private int _mcusX;
    private int _mcusY;
    private bool _sawJfif;
    private int _adobeTransform = -1;
    private Component[] _components = [];
    private ulong _bits;
    private int _bitCount;

    public JpegDctDecoder(ReadOnlySpan<byte> data)
    {
        _data = data;
    }

    /// <summary>Decodes to component planes at full size; <see cref="ToPixels"/> makes native pixels from them.</summary>
    public Decoded Decode()
    {
        if (_data.Length < 4 || _data[0] != 0xFF || _data[1] != 0xD8)
        {
            throw new PixelDataException("JPEG frame does not start with an SOI marker (FFD8)");
        }

        _pos = 2;
        bool scanSeen = false;
        while (true)
        {
            int marker = NextMarker();
            switch (marker)
            {
                case 0xC0 or 0xC1:
                    ReadFrameHeader(Segment());
                    break;
                case 0xC2 or 0xC3 or (>= 0xC5 and <= 0xC7) or (>= 0xC9 and <= 0xCB) or (>= 0xCD and <= 0xCF):
                    throw new PixelDataException($"JPEG frame uses SOF{marker - 0xC0}; Ricord decodes sequential Huffman DCT (SOF0, SOF1) for JPEG Baseline and Extended");
                case 0xC4:
                    ReadHuffmanTables(Segment());
                    break;
                case 0xDB:
                    ReadQuantTables(Segment());
                    break;
                case 0xDD:
                    _restartInterval = BinaryPrimitives.ReadUInt16BigEndian(Segment());
                    break;
                case 0xE0:
                    _sawJfif |= Segment().StartsWith("JFIF\0"u8);
                    break;
                case 0xEE:
                    ReadAdobe(Segment());
                    break;
                case 0xDA:
                    if (_components.Length == 0)
                    {
                        throw new PixelDataException("JPEG scan (SOS) comes before the frame header (SOF)");
                    }

                    DecodeScan(Segment());
                    scanSeen = true;
                    break;
                case 0xD9 or -1:
                    return scanSeen
                        ? new Decoded(_components, _width, _height, _precision, _maxH, _maxV, GuessYCbCr())
                        : throw new PixelDataException("JPEG stream ends before any scan");
                default:
                    Segment(); // other APPn, COM, DNL…: not needed
                    break;
            }
        }
    }

    /// <summary>
    /// The IJG library's colour-space guess for three components (jdapimin.c): JFIF means YCbCr, an Adobe APP14
    /// marker's transform flag decides (0 RGB, 1 YCbCr), else component ids 'R','G','B' mean RGB and anything else YCbCr.
    /// </summary>
    private readonly bool GuessYCbCr()
    {
        if (_components.Length != 3)
        {
            return false;
        }

        if (_sawJfif)
        {
            return true;
        }

        if (_adobeTransform >= 0)
        {
            return _adobeTransform != 0;
        }

        return !(_components[0].Id == 'R' && _components[1].Id == 'G' && _components[2].Id == 'B');
    }

    private void ReadAdobe(ReadOnlySpan<byte> s)
    {
        if (s.Length >= 12 && s.StartsWith("Adobe"u8))
        {
            _adobeTransform = s[11];
        }
    }

    private int NextMarker()
    {
        while (_pos + 1 < _data.Length)
        {
            if (_data[_pos] == 0xFF && _data[_pos + 1] is not 0x00 and not 0xFF)
            {
                int marker = _data[_pos + 1];
                _pos += 2;
                return marker;
            }

            _pos++;
        }

        return -1;
    }

    private ReadOnlySpan<byte> Segment()
    {
        if (_pos + 2 > _data.Length)
        {
            throw new PixelDataException($"JPEG marker segment at byte {_pos} is truncated");
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(_data[_pos..]);
        if (length < 2 || _pos + length > _data.Length)
        {
            throw new PixelDataException($"JPEG marker segment at byte {_pos} claims {length} bytes; {_data.Length - _pos} remain");
        }

        var body = _data.Slice(_pos + 2, length - 2);
        _pos += length;
        return body;
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
