namespace Ricord.Dicom;

/// <summary>UN values that hold a sequence (PS3.5 6.2.2, CP-246).</summary>
internal sealed partial class DicomParser
{
    /// <summary>How many UN values are being tried as sequences: inside one, no tolerance (an item past its end fails the try).</summary>
    private int _unTrials;

    /// <summary>
    /// A defined-length UN whose value parses, to its last byte, as items in implicit VR little endian is an SQ that a
    /// peer re-encoded as UN without knowing it (CP-246): it is read as that SQ, as dcmtk does. Anything else stays
    /// UN, its bytes verbatim. Returns true when the sequence was added to <paramref name="ds"/>.
    /// </summary>
    private bool TryReadUnAsSequence(DicomDataset ds, DicomTag tag, long valuePos, long length, int depth)
    {
        if (length < 8 || length > _input.Length - valuePos)
        {
            return false;
        }

        var head = _input.Get(valuePos, 4);
        if (head[0] != 0xFE || head[1] != 0xFF || head[2] != 0x00 || head[3] != 0xE0)
        {
            return false;
        }

        int warnings = _warnings.Count;
        var sq = new DicomSequence(tag) { UndefinedLength = false };
        _unTrials++;
        try
        {
            ReadItems(sq, ds, valuePos, valuePos + length, depth, explicitVR: false, bigEndian: false);
        }
        catch (DicomFormatException)
        {
            _warnings.RemoveRange(warnings, _warnings.Count - warnings);
            return false;
        }
        finally
        {
            _unTrials--;
        }

        Warn(valuePos - 12, tag, "UN of defined length holds items in implicit VR little endian; read as a sequence (CP-246)");
        ds.Set(sq);
        return true;
    }
}
