using System.Buffers.Binary;
using System.IO.Compression;

namespace Ricord.Dicom;

/// <summary>
/// Writes Part 10 files (PS3.10 7.1) in any uncompressed transfer syntax, or an encapsulated one when
/// the pixel data already is. Sequences and items keep the length style they were read with.
/// </summary>
internal sealed partial class DicomWriter
{
    private const uint UndefinedLength = 0xFFFFFFFF;
    private readonly Stream _out;
    private readonly bool _explicitVR;
    private readonly bool _bigEndian;
    private readonly byte[] _scratch = new byte[16];

    private DicomWriter(Stream output, bool explicitVR, bool bigEndian)
    {
        _out = output;
        _explicitVR = explicitVR;
        _bigEndian = bigEndian;
    }

    public static void Write(Stream output, DicomFile file, DicomWriteOptions options)
    {
        var ts = options.TransferSyntax ?? file.TransferSyntax;
        CheckPixelEncoding(file.Dataset, ts);
        var meta = BuildMeta(file, ts);
        if (options.WritePreamble)
        {
            output.Write(file.Preamble is { } p && p.Length == 128 ? p.Span : new byte[128]);
            output.Write("DICM"u8);
        }

        new DicomWriter(output, explicitVR: true, bigEndian: false).WriteDataset(meta);
        if (ts.IsDeflated)
        {
            using var deflate = new DeflateStream(output, options.DeflateLevel, leaveOpen: true);
            using var buffered = new BufferedStream(deflate, 1 << 16);
            new DicomWriter(buffered, true, false).WriteDataset(file.Dataset);
        }
        else
        {
            new DicomWriter(output, ts.IsExplicitVR, ts.IsBigEndian).WriteDataset(file.Dataset);
        }
    }

    /// <summary>Writes a bare data set (no preamble or meta) in the given transfer syntax.</summary>
    public static void WriteDataset(Stream output, DicomDataset dataset, DicomTransferSyntax ts)
    {
        CheckPixelEncoding(dataset, ts);
        new DicomWriter(output, ts.IsExplicitVR, ts.IsBigEndian).WriteDataset(dataset);
    }

    private static void CheckPixelEncoding(DicomDataset dataset, DicomTransferSyntax ts)
    {
        var pixels = dataset[new DicomTag(0x7FE00010)];
        if (pixels is DicomFragmentSequence && !ts.IsEncapsulated)
        {
            throw new InvalidOperationException($"Pixel data is encapsulated (compressed); writing it as {ts.Name} needs it decoded first");
        }

        if (pixels is not null and not DicomFragmentSequence && ts.IsEncapsulated)
        {
            throw new InvalidOperationException($"Pixel data is native; writing it as {ts.Name} needs it encoded first");
        }
    }

    /// <summary>The file's meta group with Transfer Syntax, SOP references, implementation and group length brought up to date.</summary>
    private static DicomDataset BuildMeta(DicomFile file, DicomTransferSyntax ts)
    {
        var meta = file.Meta.Clone();
        meta.Remove(new DicomTag(0x00020000));
        if (!meta.Contains(new DicomTag(0x00020001)))
        {
            meta.SetBytes(new DicomTag(0x00020001), DicomVR.OB, new byte[] { 0, 1 });
        }

        CopyUid(file.Dataset, new DicomTag(0x00080016), meta, new DicomTag(0x00020002));
        CopyUid(file.Dataset, new DicomTag(0x00080018), meta, new DicomTag(0x00020003));
        meta.SetString(new DicomTag(0x00020010), DicomVR.UI, ts.Uid);
        meta.SetString(new DicomTag(0x00020012), DicomVR.UI, DicomImplementation.ClassUid);
        meta.SetString(new DicomTag(0x00020013), DicomVR.SH, DicomImplementation.VersionName);
        uint length = 0;
        foreach (var e in meta)
        {
            length += (uint)((DicomVRInfo.HasLongLength(e.VR) ? 12 : 8) + e.Length + (e.Length & 1));
        }

        meta.SetUInt32(new DicomTag(0x00020000), length);
        return meta;
    }

    private static void CopyUid(DicomDataset from, DicomTag fromTag, DicomDataset to, DicomTag toTag)
    {
        if (from.GetString(fromTag) is { } uid)
        {
            to.SetString(toTag, DicomVR.UI, uid);
        }
    }

    private void WriteDataset(DicomDataset ds)
    {
        foreach (var e in ds)
        {
            WriteElement(e);
        }
    }

    private void WriteElement(DicomElement e)
    {
        switch (e)
        {
            case DicomSequence sq:
                bool undefined = SequenceUndefined(sq);
                WriteHeader(e.Tag, DicomVR.SQ, undefined ? UndefinedLength : (uint)MeasureItems(sq));
                foreach (var item in sq.Items)
                {
                    WriteItemHeader(DicomTag.Item, item.UndefinedLength ? UndefinedLength : (uint)Measure(item));
                    WriteDataset(item);
                    if (item.UndefinedLength)
                    {
                        WriteItemHeader(DicomTag.ItemDelimitationItem, 0);
                    }
                }

                if (undefined)
                {
                    WriteItemHeader(DicomTag.SequenceDelimitationItem, 0);
                }

                break;
            case DicomFragmentSequence f:
                WriteHeader(e.Tag, f.VR, UndefinedLength);
                WriteFragment(f.OffsetTable);
                foreach (var fragment in f.Fragments)
                {
                    WriteFragment(fragment);
                }

                WriteItemHeader(DicomTag.SequenceDelimitationItem, 0);
                break;
            default:
                WriteValue(e);
                break;
        }
    }

    /// <summary>
    /// In implicit VR a reader finds a sequence only through its dictionary, or through undefined length;
    /// so sequences the dictionary does not know as SQ (private ones) are written with undefined length.
    /// </summary>
    private bool SequenceUndefined(DicomSequence sq) =>
        sq.UndefinedLength || (!_explicitVR && DicomDictionary.ImplicitVR(sq.Tag) != DicomVR.SQ);

    private void WriteValue(DicomElement e)
    {
        var value = e.Buffer.Span;
        long length = value.Length + (value.Length & 1);
        var vr = e.VR;
        if (_explicitVR && !DicomVRInfo.HasLongLength(vr) && length > 0xFFFF)
        {
            vr = DicomVR.UN; // PS3.5 6.2.2: a value too long for a 16-bit length is written as UN.
        }

        WriteHeader(e.Tag, vr, checked((uint)length));
        int unit = _bigEndian ? DicomVRInfo.UnitSize(e.VR) : 1;
        if (unit > 1)
        {
            _out.Write(ByteSwap.Copy(value, unit));
        }
        else
        {
            _out.Write(value);
        }

        if ((value.Length & 1) == 1)
        {
            _out.WriteByte(DicomVRInfo.PaddingByte(e.VR));
        }
    }

    private void WriteFragment(DicomBuffer fragment)
    {
        var span = fragment.Span;
        WriteItemHeader(DicomTag.Item, (uint)(span.Length + (span.Length & 1)));
        _out.Write(span);
        if ((span.Length & 1) == 1)
        {
            _out.WriteByte(0);
        }
    }

    private void WriteHeader(DicomTag tag, DicomVR vr, uint length)
    {
        var b = _scratch.AsSpan();
        PutU16(b, tag.Group);
        PutU16(b[2..], tag.Element);
        if (!_explicitVR)
        {
            PutU32(b[4..], length);
            _out.Write(b[..8]);
            return;
        }

        if (vr == DicomVR.None)
        {
            vr = DicomVR.UN;
        }

        b[4] = (byte)((ushort)vr >> 8);
        b[5] = (byte)vr;
        if (DicomVRInfo.HasLongLength(vr))
        {
            b[6] = 0;
            b[7] = 0;
            PutU32(b[8..], length);
            _out.Write(b[..12]);
        }
        else
        {
            PutU16(b[6..], (ushort)length);
            _out.Write(b[..8]);
        }
    }

    private void WriteItemHeader(DicomTag tag, uint length)
    {
        var b = _scratch.AsSpan();
        PutU16(b, tag.Group);
        PutU16(b[2..], tag.Element);
        PutU32(b[4..], length);
        _out.Write(b[..8]);
    }

    private void PutU16(Span<byte> b, ushort v)
    {
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(b, v);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b, v);
        }
    }

    private void PutU32(Span<byte> b, uint v)
    {
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(b, v);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        }
    }
}
