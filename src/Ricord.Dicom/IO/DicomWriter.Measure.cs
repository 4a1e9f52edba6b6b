namespace Ricord.Dicom;

/// <summary>Encoded lengths, for sequences and items written with defined length.</summary>
internal sealed partial class DicomWriter
{
    private long Measure(DicomDataset ds)
    {
        long total = 0;
        foreach (var e in ds)
        {
            total += MeasureElement(e);
        }

        return total;
    }

    private long MeasureItems(DicomSequence sq)
    {
        long total = 0;
        foreach (var item in sq.Items)
        {
            total += 8 + Measure(item) + (item.UndefinedLength ? 8 : 0);
        }

        return total;
    }

    private long MeasureElement(DicomElement e)
    {
        switch (e)
        {
            case DicomSequence sq:
                return HeaderLength(DicomVR.SQ) + MeasureItems(sq) + (SequenceUndefined(sq) ? 8 : 0);
            case DicomFragmentSequence f:
                long total = HeaderLength(f.VR) + 8 + Even(f.OffsetTable.Length) + 8;
                foreach (var fragment in f.Fragments)
                {
                    total += 8 + Even(fragment.Length);
                }

                return total;
            default:
                long length = Even(e.Length);
                var vr = _explicitVR && !DicomVRInfo.HasLongLength(e.VR) && length > 0xFFFF ? DicomVR.UN : e.VR;
                return HeaderLength(vr) + length;
        }
    }

    private int HeaderLength(DicomVR vr) => !_explicitVR ? 8 : DicomVRInfo.HasLongLength(vr) ? 12 : 8;

    private static long Even(long n) => n + (n & 1);
}
