using System.Buffers.Binary;

namespace Ricord.Dicom;

/// <summary>Sequences, items and encapsulated pixel data (PS3.5 7.5, A.4).</summary>
internal sealed partial class DicomParser
{
    private long ReadUndefinedLength(DicomDataset ds, DicomTag tag, DicomVR vr, long valuePos, long end, int depth)
    {
        if (tag == PixelDataTag || (IsPixelData(tag) && vr is DicomVR.OB or DicomVR.OW))
        {
            if (vr != DicomVR.OB)
            {
                Warn(valuePos - 12, tag, $"Encapsulated pixel data has VR {DicomVRInfo.Code(vr)}; read as OB (PS3.5 A.4)");
            }

            return ReadFragments(ds, tag, DicomVR.OB, valuePos, end);
        }

        var sq = new DicomSequence(tag) { UndefinedLength = true };
        long next;
        if (vr == DicomVR.UN)
        {
            // PS3.5 6.2.2: UN with undefined length holds a sequence encoded in Implicit VR Little Endian.
            Warn(valuePos - 12, tag, "UN with undefined length read as a sequence in implicit VR little endian");
            next = ReadItems(sq, ds, valuePos, end, depth, explicitVR: false, bigEndian: false, undefined: true);
        }
        else
        {
            if (vr != DicomVR.SQ)
            {
                Warn(valuePos - 8, tag, $"Undefined length on VR {DicomVRInfo.Code(vr)}; read as a sequence");
            }

            next = ReadItems(sq, ds, valuePos, end, depth, _explicitVR, _bigEndian, undefined: true);
        }

        ds.Set(sq);
        return next;
    }

    /// <summary>Reads items until <paramref name="end"/> (defined length) or the Sequence Delimitation Item.</summary>
    private long ReadItems(DicomSequence sq, DicomDataset parent, long pos, long end, int depth, bool explicitVR, bool bigEndian, bool undefined = false)
    {
        if (depth + 1 > _options.MaxDepth)
        {
            throw Error($"Sequences nested deeper than {_options.MaxDepth} levels", pos, sq.Tag);
        }

        bool savedExplicit = _explicitVR, savedBig = _bigEndian;
        _explicitVR = explicitVR;
        _bigEndian = bigEndian;
        try
        {
            while (undefined || pos < end)
            {
                if (end - pos < 8)
                {
                    throw Error(undefined ? "Data ends before the Sequence Delimitation Item" : "Sequence ends inside an item header", pos, sq.Tag);
                }

                var h = _input.Get(pos, 8);
                var tag = new DicomTag(U16(h), U16(h[2..]));
                uint length = U32(h[4..]);
                pos += 8;
                if (tag == DicomTag.SequenceDelimitationItem)
                {
                    if (!undefined)
                    {
                        Warn(pos - 8, sq.Tag, "Sequence Delimitation Item in a sequence of defined length");
                    }

                    return pos;
                }

                if (tag != DicomTag.Item)
                {
                    throw Error($"Expected an Item tag (FFFE,E000) in sequence {sq.Tag}, found {tag}", pos - 8, sq.Tag);
                }

                var item = new DicomDataset { Parent = parent, UndefinedLength = length == UndefinedLength };
                NoteItem(sq, pos - 8, depth);
                if (length == UndefinedLength)
                {
                    pos = ReadUndefinedItem(item, pos, end, depth + 1);
                }
                else
                {
                    if (length > end - pos)
                    {
                        if (undefined || _unTrials > 0)
                        {
                            throw Error($"Item length {length} runs past the end of its sequence ({end - pos} bytes left)", pos - 8, sq.Tag);
                        }

                        // dcmtk reads such an item to the end of its sequence (pydicom's DICOMDIR-nooffset lost bytes this way).
                        Warn(pos - 8, sq.Tag, $"Item length {length} runs past the end of its sequence; read to the sequence's end ({end - pos} bytes)");
                        length = (uint)(end - pos);
                    }

                    ReadDataset(item, pos, pos + length, depth + 1);
                    pos += length;
                }

                sq.Items.Add(item);
            }

            return pos;
        }
        finally
        {
            _explicitVR = savedExplicit;
            _bigEndian = savedBig;
        }
    }

    /// <summary>Reads an item of undefined length up to and including its Item Delimitation Item.</summary>
    private long ReadUndefinedItem(DicomDataset item, long pos, long end, int depth)
    {
        while (true)
        {
            if (end - pos < 8)
            {
                throw Error("Data ends before the Item Delimitation Item", pos, null);
            }

            var h = _input.Get(pos, 4);
            if (U16(h) == 0xFFFE && U16(h[2..]) == 0xE00D)
            {
                return pos + 8;
            }

            pos = ReadElement(item, pos, end, depth);
        }
    }

    /// <summary>Encapsulated pixel data: the Basic Offset Table item, then one item per fragment (PS3.5 A.4).</summary>
    private long ReadFragments(DicomDataset ds, DicomTag tag, DicomVR vr, long pos, long end)
    {
        DicomBuffer? offsetTable = null;
        var fragments = new List<DicomBuffer>();
        while (true)
        {
            if (end - pos < 8)
            {
                throw Error("Encapsulated pixel data ends before its Sequence Delimitation Item", pos, tag);
            }

            var h = _input.Get(pos, 8);
            var itemTag = new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(h), BinaryPrimitives.ReadUInt16LittleEndian(h[2..]));
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(h[4..]);
            if (itemTag == DicomTag.SequenceDelimitationItem)
            {
                pos += 8;
                break;
            }

            if (itemTag != DicomTag.Item)
            {
                throw Error($"Expected a fragment Item (FFFE,E000) in encapsulated pixel data, found {itemTag}", pos, tag);
            }

            if (length == UndefinedLength || length > end - pos - 8)
            {
                throw Error($"Fragment length {(length == UndefinedLength ? "undefined" : length.ToString(System.Globalization.CultureInfo.InvariantCulture))} is invalid ({end - pos - 8} bytes left)", pos, tag);
            }

            var buffer = _input.Slice(pos + 8, length, length >= _options.LazyThreshold, 1);
            if (offsetTable is null)
            {
                offsetTable = buffer;
            }
            else
            {
                fragments.Add(buffer);
            }

            pos += 8 + length;
        }

        ds.Set(new DicomFragmentSequence(tag, vr, offsetTable ?? DicomBuffer.Empty, fragments));
        return pos;
    }
}
