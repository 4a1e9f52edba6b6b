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
        JpegMarkers.ExpectStartOfImage(_data);
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

    private int NextMarker() => JpegMarkers.Next(_data, ref _pos);

    private ReadOnlySpan<byte> Segment() => JpegMarkers.Segment(_data, ref _pos);
}
