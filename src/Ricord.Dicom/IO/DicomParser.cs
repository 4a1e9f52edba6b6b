using System.Buffers.Binary;
using System.IO.Compression;

namespace Ricord.Dicom;

/// <summary>
/// Parses Part 10 files and bare data sets (PS3.10 7.1, PS3.5 7). Synchronous over an in-memory or
/// windowed input; never allocates more than the input holds; every failure is a
/// <see cref="DicomFormatException"/> naming the byte offset and tag.
/// </summary>
internal sealed partial class DicomParser
{
    private static readonly DicomTag PixelDataTag = new(0x7FE00010);
    private static readonly DicomTag FloatPixelDataTag = new(0x7FE00008);
    private static readonly DicomTag DoubleFloatPixelDataTag = new(0x7FE00009);
    private static readonly DicomTag TransferSyntaxUidTag = new(0x00020010);
    private static readonly DicomTag PixelRepresentationTag = new(0x00280103);

    private readonly DicomReadOptions _options;
    private readonly List<DicomWarning> _warnings = [];
    private DicomInput _input;
    private bool _explicitVR;
    private bool _bigEndian;
    private bool _stopped;
    private bool _inflated;

    private DicomParser(DicomInput input, DicomReadOptions options)
    {
        _input = input;
        _options = options;
    }

    public static DicomFile Parse(DicomInput input, DicomReadOptions options) => new DicomParser(input, options).ParseFile();

    private DicomFile ParseFile()
    {
        long pos = 0;
        byte[]? preamble = null;
        // Preamble and magic in one read: asking for bytes 128..131 first made the file window
        // start at 128 and a second (doubled) window be read for the preamble.
        if (_input.Length >= 132 && _input.Get(0, 132) is var head && head[128..].SequenceEqual("DICM"u8))
        {
            preamble = head[..128].ToArray();
            pos = 132;
        }
        else if (_input.Length >= 4 && _input.Get(0, 4).SequenceEqual("DICM"u8))
        {
            Warn(0, null, "File has \"DICM\" but no 128-byte preamble");
            pos = 4;
        }

        if (preamble is null && pos == 0 && DicomSniffer.WhyNotDicom(_input.Get(0, (int)Math.Min(_input.Length, DicomSniffer.HeadLength)), _input.Length) is { } why)
        {
            throw new DicomFormatException($"not a DICOM file: {why}", 0, null, _options.SourceName) { NotDicomReason = why };
        }

        var meta = new DicomDataset();
        if (LooksLikeMetaGroup(pos))
        {
            pos = ReadMetaGroup(meta, pos);
        }
        else if (preamble is not null)
        {
            Warn(pos, null, "Part 10 file has no File Meta Information group");
        }

        var ts = DetectTransferSyntax(meta, pos);
        _explicitVR = ts.IsExplicitVR;
        _bigEndian = ts.IsBigEndian;

        var dataset = new DicomDataset();
        long datasetOffset = pos;
        if (ts.IsDeflated)
        {
            _input = Inflate(pos);
            _inflated = true;
            pos = 0;
        }

        ReadDataset(dataset, pos, _input.Length, depth: 0);
        CheckDirectoryOffsets(dataset);
        return new DicomFile(meta, dataset, ts, _warnings, preamble) { DatasetOffset = datasetOffset };
    }

    private bool LooksLikeMetaGroup(long pos) =>
        _input.Length - pos >= 8 && BinaryPrimitives.ReadUInt16LittleEndian(_input.Get(pos, 2)) == 0x0002;

    /// <summary>The meta group is always Explicit VR Little Endian (PS3.10 7.1); its group length is trusted only if it agrees.</summary>
    private long ReadMetaGroup(DicomDataset meta, long pos)
    {
        bool savedExplicit = _explicitVR, savedBig = _bigEndian;
        _bigEndian = false;

        // A few writers encode the meta group in implicit VR; detect it from the first element's VR bytes.
        var head = _input.Get(pos, 6);
        _explicitVR = DicomVRInfo.FromBytes(head[4], head[5]) != DicomVR.None;
        if (!_explicitVR)
        {
            Warn(pos, null, "File Meta Information is encoded in implicit VR");
        }

        while (pos + 8 <= _input.Length && BinaryPrimitives.ReadUInt16LittleEndian(_input.Get(pos, 2)) == 0x0002)
        {
            pos = ReadElement(meta, pos, _input.Length, depth: 0);
        }

        if (meta[new DicomTag(0x00020000)] is not { Length: 4 })
        {
            Warn(pos, new DicomTag(0x00020000), "File Meta Information Group Length is missing");
        }
        else if (meta[new DicomTag(0x00020000)] is { } gl)
        {
            uint groupLength = BinaryPrimitives.ReadUInt32LittleEndian(gl.Bytes);
            long measured = 0;
            foreach (var e in meta)
            {
                if (!e.Tag.IsGroupLength)
                {
                    measured += (DicomVRInfo.HasLongLength(e.VR) ? 12 : 8) + e.Length + (e.Length & 1);
                }
            }

            if (measured != groupLength)
            {
                Warn(0, gl.Tag, $"File Meta Information Group Length says {groupLength} bytes, the group has {measured}");
            }
        }

        _explicitVR = savedExplicit;
        _bigEndian = savedBig;
        return pos;
    }

    private DicomTransferSyntax DetectTransferSyntax(DicomDataset meta, long pos)
    {
        string? uid = meta[TransferSyntaxUidTag] is { } e ? DicomValueParser.TrimValue(System.Text.Encoding.ASCII.GetString(e.Bytes), DicomVR.UI) : null;
        if (!string.IsNullOrEmpty(uid))
        {
            var ts = DicomTransferSyntax.FromUid(uid);
            if (!ts.IsKnown)
            {
                Warn(pos, TransferSyntaxUidTag, $"Unknown transfer syntax {uid}; reading as explicit VR little endian with encapsulated pixel data");
            }

            return ts;
        }

        if (meta.Count > 0)
        {
            Warn(pos, TransferSyntaxUidTag, "File Meta Information has no Transfer Syntax UID; guessed from the data");
        }

        return GuessTransferSyntax(pos);
    }

    /// <summary>For data sets without meta information: guess byte order and VR style from the first element.</summary>
    private DicomTransferSyntax GuessTransferSyntax(long pos)
    {
        if (_input.Length - pos < 8)
        {
            return DicomTransferSyntax.ImplicitVRLittleEndian;
        }

        var h = _input.Get(pos, 8);
        bool explicitVR = DicomVRInfo.FromBytes(h[4], h[5]) != DicomVR.None;
        ushort groupLE = BinaryPrimitives.ReadUInt16LittleEndian(h);
        ushort groupBE = BinaryPrimitives.ReadUInt16BigEndian(h);
        bool bigEndian = groupLE > 0x00FF && groupBE <= 0x00FF;
        if (bigEndian)
        {
            return DicomTransferSyntax.ExplicitVRBigEndian;
        }

        return explicitVR ? DicomTransferSyntax.ExplicitVRLittleEndian : DicomTransferSyntax.ImplicitVRLittleEndian;
    }

    private MemoryDicomInput Inflate(long pos)
    {
        var compressed = _input.Slice(pos, _input.Length - pos, lazy: false, swapUnit: 1).Memory;
        using var source = new MemoryStream(compressed.ToArray(), writable: false);
        using var inflater = new DeflateStream(source, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        try
        {
            int n;
            while ((n = inflater.Read(buffer)) > 0)
            {
                if (output.Length + n > _options.MaxInflatedBytes)
                {
                    throw Error($"Deflated data set inflates past the limit of {_options.MaxInflatedBytes} bytes", pos, null);
                }

                output.Write(buffer, 0, n);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new DicomFormatException("Deflated data set is not valid deflate data", pos, null, _options.SourceName, ex);
        }

        return new MemoryDicomInput(output.ToArray());
    }

    private void Warn(long offset, DicomTag? tag, string message) => _warnings.Add(new DicomWarning(offset, tag, message));

    private DicomFormatException Error(string message, long offset, DicomTag? tag) =>
        new(_inflated ? message + "; offsets count from the start of the inflated data set" : message, offset, tag, _options.SourceName);
}
