using System.Buffers.Binary;

namespace Ricord.Dicom;

/// <summary>Element headers and values (PS3.5 7.1).</summary>
internal sealed partial class DicomParser
{
    private const uint UndefinedLength = 0xFFFFFFFF;

    /// <summary>Reads elements into <paramref name="ds"/> from <paramref name="pos"/> up to <paramref name="end"/>.</summary>
    private long ReadDataset(DicomDataset ds, long pos, long end, int depth)
    {
        while (pos < end && !_stopped)
        {
            if (end - pos < 8 && depth == 0 && IsTrailingPadding(pos, end))
            {
                Warn(pos, null, $"{end - pos} trailing bytes after the last element ignored");
                return end;
            }

            pos = ReadElement(ds, pos, end, depth);
        }

        return pos;
    }

    private bool IsTrailingPadding(long pos, long end)
    {
        foreach (byte b in _input.Get(pos, (int)(end - pos)))
        {
            if (b != 0)
            {
                return false;
            }
        }

        return true;
    }

    private ushort U16(ReadOnlySpan<byte> b) => _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);

    private uint U32(ReadOnlySpan<byte> b) => _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b);

    /// <summary>Reads one element at <paramref name="pos"/> and adds it to <paramref name="ds"/>; returns the next position.</summary>
    private long ReadElement(DicomDataset ds, long pos, long end, int depth)
    {
        if (end - pos < 8)
        {
            throw Error($"Data ends inside an element header ({end - pos} bytes left, 8 needed)", pos, null);
        }

        var h = _input.Get(pos, 8);
        var tag = new DicomTag(U16(h), U16(h[2..]));
        if (tag.Group == 0xFFFE)
        {
            throw Error($"Unexpected item or delimiter tag {tag} outside a sequence", pos, tag);
        }

        DicomVR vr;
        long length;
        long valuePos;
        bool explicitHere = _explicitVR && DicomVRInfo.FromBytes(h[4], h[5]) is var fileVR && fileVR != DicomVR.None;
        if (explicitHere)
        {
            vr = DicomVRInfo.FromBytes(h[4], h[5]);
            if (DicomVRInfo.HasLongLength(vr))
            {
                if (end - pos < 12)
                {
                    throw Error("Data ends inside an element header (12 bytes needed)", pos, tag);
                }

                length = U32(_input.Get(pos + 8, 4));
                valuePos = pos + 12;
            }
            else
            {
                length = U16(h[6..]);
                valuePos = pos + 8;
            }
        }
        else
        {
            if (_explicitVR)
            {
                Warn(pos, tag, $"Invalid VR bytes 0x{h[4]:X2}{h[5]:X2} in an explicit VR data set; read as implicit VR");
            }

            vr = ImplicitVR(ds, tag);
            length = U32(h[4..]);
            valuePos = pos + 8;
        }

        if (depth == 0 && _options.StopBeforePixelData && IsPixelData(tag))
        {
            _stopped = true;
            return end;
        }

        if (length == UndefinedLength)
        {
            return ReadUndefinedLength(ds, tag, vr, valuePos, end, depth);
        }

        if (length > end - valuePos)
        {
            throw Error($"Value length {length} runs past the end of the data ({end - valuePos} bytes left)", pos, tag);
        }

        if (vr == DicomVR.UN && explicitHere)
        {
            if (tag.IsPrivateCreator)
            {
                // A private creator is always LO (PS3.5 7.8.1), also when a peer re-encoded it as UN.
                Warn(pos, tag, "Private creator encoded as UN; read as LO");
                vr = DicomVR.LO;
            }
            else if (TryReadUnAsSequence(ds, tag, valuePos, length, depth))
            {
                return valuePos + length;
            }
        }

        if (vr == DicomVR.SQ)
        {
            var sq = new DicomSequence(tag) { UndefinedLength = false };
            ReadItems(sq, ds, valuePos, valuePos + length, depth, explicitVR: _explicitVR, bigEndian: _bigEndian);
            ds.Set(sq);
            return valuePos + length;
        }

        if ((length & 1) == 1)
        {
            Warn(pos, tag, $"Odd value length {length}");
        }

        bool lazy = length >= _options.LazyThreshold;
        int swap = _bigEndian ? DicomVRInfo.UnitSize(vr) : 1;
        AddElement(ds, new DicomElement(tag, vr, _input.Slice(valuePos, length, lazy, swap)), pos);
        return valuePos + length;
    }

    private void AddElement(DicomDataset ds, DicomElement element, long pos)
    {
        if (ds.Contains(element.Tag))
        {
            Warn(pos, element.Tag, "Duplicate element; the later one is kept");
        }
        else if (ds.Count > 0 && ds.LastTag > element.Tag)
        {
            Warn(pos, element.Tag, "Element out of ascending tag order");
        }

        ds.Set(element);
    }

    private static bool IsPixelData(DicomTag tag) => tag == PixelDataTag || tag == FloatPixelDataTag || tag == DoubleFloatPixelDataTag;

    /// <summary>Implicit VR: the dictionary's VR, resolving "US or SS" by Pixel Representation and "OB or OW" as OW (PS3.5 A.1).</summary>
    private static DicomVR ImplicitVR(DicomDataset ds, DicomTag tag)
    {
        if (tag == PixelDataTag)
        {
            return DicomVR.OW;
        }

        if (tag.IsPrivate && !tag.IsPrivateCreator)
        {
            // Private data elements: dcmtk's private dictionary, keyed by the creator that reserved the block (UN when unknown).
            return DicomDictionary.ImplicitVR(tag, ds.GetPrivateCreator(tag));
        }

        var entry = tag.IsPrivate || tag.IsGroupLength ? null : DicomDictionary.Find(tag);
        if (entry is null || entry.ValueRepresentations.Length < 2)
        {
            return entry?.DefaultVR ?? DicomDictionary.ImplicitVR(tag);
        }

        var vrs = entry.ValueRepresentations;
        if (vrs.Contains(DicomVR.SS) && vrs.Contains(DicomVR.US))
        {
            var pr = ds[PixelRepresentationTag] ?? ds.Parent?[PixelRepresentationTag];
            bool signed = pr is { Length: >= 2 } && BinaryPrimitives.ReadUInt16LittleEndian(pr.Bytes) == 1;
            return signed ? DicomVR.SS : DicomVR.US;
        }

        return vrs.Contains(DicomVR.OW) ? DicomVR.OW : vrs[0];
    }
}
