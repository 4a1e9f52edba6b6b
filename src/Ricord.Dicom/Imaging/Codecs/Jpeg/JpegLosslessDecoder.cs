using System.Buffers.Binary;

namespace Ricord.Dicom.Imaging;

/// <summary>Markers and segments of a process 14 (lossless, Huffman) JPEG stream (ITU T.81 B.2, H.2).</summary>
internal ref partial struct JpegLosslessDecoder
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly JpegHuffmanTable?[] _tables = new JpegHuffmanTable?[4];
    private int _pos;
    private int _precision;
    private int _width;
    private int _height;
    private int _restartInterval;
    private byte[] _componentIds = [];
    private int[][] _planes = [];
    private ulong _bits;
    private int _bitCount;

    public JpegLosslessDecoder(ReadOnlySpan<byte> data)
    {
        _data = data;
    }

    public byte[] Decode(PixelDataInfo info)
    {
        JpegMarkers.ExpectStartOfImage(_data);
        _pos = 2;
        bool frameSeen = false, scanSeen = false;
        while (true)
        {
            int marker = NextMarker();
            switch (marker)
            {
                case 0xC3:
                    ReadFrameHeader(Segment());
                    frameSeen = true;
                    break;
                case 0xC0 or 0xC1 or 0xC2 or (>= 0xC5 and <= 0xC7) or (>= 0xC9 and <= 0xCB) or (>= 0xCD and <= 0xCF):
                    throw new PixelDataException($"JPEG frame uses SOF{marker - 0xC0}, not the lossless process 14 (SOF3) this codec decodes");
                case 0xC4:
                    ReadHuffmanTables(Segment());
                    break;
                case 0xDD:
                    _restartInterval = BinaryPrimitives.ReadUInt16BigEndian(Segment());
                    break;
                case 0xDA:
                    if (!frameSeen)
                    {
                        throw new PixelDataException("JPEG scan (SOS) comes before the frame header (SOF3)");
                    }

                    DecodeScan(Segment());
                    scanSeen = true;
                    break;
                case 0xD9:
                    if (!scanSeen)
                    {
                        throw new PixelDataException("JPEG stream ends (EOI) before any scan");
                    }

                    return Output(info);
                case -1:
                    if (scanSeen)
                    {
                        return Output(info); // tolerate a missing EOI, as libjpeg does
                    }

                    throw new PixelDataException("JPEG stream ends before any scan");
                default:
                    Segment(); // APPn, COM, DQT, DNL…: not needed
                    break;
            }
        }
    }

    private int NextMarker() => JpegMarkers.Next(_data, ref _pos);

    private ReadOnlySpan<byte> Segment() => JpegMarkers.Segment(_data, ref _pos);

    private void ReadFrameHeader(ReadOnlySpan<byte> s)
    {
        _precision = s[0];
        _height = BinaryPrimitives.ReadUInt16BigEndian(s[1..]);
        _width = BinaryPrimitives.ReadUInt16BigEndian(s[3..]);
        int count = s[5];
        if (_precision is < 2 or > 16 || _width == 0 || _height == 0 || count == 0 || s.Length < 6 + (3 * count))
        {
            throw new PixelDataException($"JPEG lossless frame header is invalid: precision {_precision}, {_width}x{_height}, {count} components");
        }

        _componentIds = new byte[count];
        _planes = new int[count][];
        for (int i = 0; i < count; i++)
        {
            _componentIds[i] = s[6 + (3 * i)];
            if (s[7 + (3 * i)] != 0x11)
            {
                throw new PixelDataException($"JPEG lossless component {_componentIds[i]} is subsampled (H/V {s[7 + (3 * i)]:X2}); only 1x1 is supported");
            }

            _planes[i] = new int[_width * _height];
        }
    }

    private void ReadHuffmanTables(ReadOnlySpan<byte> s)
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

            if (th > 3 || s.Length < 17 + total)
            {
                throw new PixelDataException($"JPEG Huffman table {th} (class {tc}) is invalid or truncated");
            }

            _tables[th] = new JpegHuffmanTable(bits, s.Slice(17, total));
            s = s[(17 + total)..];
        }
    }

    private readonly byte[] Output(PixelDataInfo info)
    {
        if (_width != info.Columns || _height != info.Rows || _planes.Length != info.SamplesPerPixel)
        {
            throw new PixelDataException(
                $"JPEG frame is {_width}x{_height} with {_planes.Length} component(s); the data set says {info.Columns}x{info.Rows} with {info.SamplesPerPixel}");
        }

        int bytes = info.BitsAllocated <= 8 ? 1 : 2;
        if (info.BitsAllocated > 16)
        {
            throw new PixelDataException($"JPEG lossless decodes to 8 or 16 bits allocated, not {info.BitsAllocated}");
        }

        int pixels = _width * _height, spp = _planes.Length;
        var output = new byte[pixels * spp * bytes];
        for (int c = 0; c < spp; c++)
        {
            var plane = _planes[c];
            if (bytes == 1)
            {
                for (int p = 0, o = c; p < pixels; p++, o += spp)
                {
                    output[o] = (byte)plane[p];
                }
            }
            else
            {
                for (int p = 0, o = c * 2; p < pixels; p++, o += spp * 2)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(output.AsSpan(o), (ushort)plane[p]);
                }
            }
        }

        return output;
    }
}
