namespace Ricord.Dicom.Tests.Support;

/// <summary>Element-by-element comparison of two data sets: tags, VRs (optionally), values byte for byte, sequences recursively.</summary>
public static class DatasetComparer
{
    /// <summary>
    /// Returns null when equal, else a description of the first difference. With <paramref name="unAsSequence"/>, an
    /// expected UN whose value starts with an Item tag may be an actual SQ (CP-246: the UN holds that sequence).
    /// </summary>
    public static string? Difference(DicomDataset expected, DicomDataset actual, bool compareVR = true, string path = "", bool unAsSequence = false)
    {
        var a = expected.ToList();
        var b = actual.ToList();
        for (int i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var x = a[i];
            var y = b[i];
            string where = $"{path}{x.Tag}";
            if (x.Tag != y.Tag)
            {
                return $"{path}: element {i} is {x.Tag} vs {y.Tag}";
            }

            if (unAsSequence && x.VR == DicomVR.UN && y is DicomSequence { Items.Count: > 0 } && x.Bytes.StartsWith((byte[])[0xFE, 0xFF, 0x00, 0xE0]))
            {
                continue;
            }

            if (compareVR && x.VR != y.VR)
            {
                return $"{where}: VR {x.VR} vs {y.VR}";
            }

            switch (x)
            {
                case DicomSequence sx when y is DicomSequence sy:
                    if (sx.Items.Count != sy.Items.Count)
                    {
                        return $"{where}: {sx.Items.Count} items vs {sy.Items.Count}";
                    }

                    for (int k = 0; k < sx.Items.Count; k++)
                    {
                        if (Difference(sx.Items[k], sy.Items[k], compareVR, $"{where}[{k}].", unAsSequence) is { } d)
                        {
                            return d;
                        }
                    }

                    break;
                case DicomFragmentSequence fx when y is DicomFragmentSequence fy:
                    if (!fx.OffsetTable.Span.SequenceEqual(fy.OffsetTable.Span) || fx.Fragments.Count != fy.Fragments.Count
                        || !fx.Fragments.Zip(fy.Fragments).All(p => Padded(p.First.Span).SequenceEqual(Padded(p.Second.Span))))
                    {
                        return $"{where}: fragments differ";
                    }

                    break;
                case DicomSequence or DicomFragmentSequence:
                    return $"{where}: {x.GetType().Name} vs {y.GetType().Name}";
                default:
                    if (y is DicomSequence or DicomFragmentSequence)
                    {
                        return $"{where}: {x.GetType().Name} vs {y.GetType().Name}";
                    }

                    if (!Padded(x.Bytes, x.VR).SequenceEqual(Padded(y.Bytes, x.VR)))
                    {
                        return $"{where}: values differ ({x.Bytes.Length} vs {y.Bytes.Length} bytes)";
                    }

                    break;
            }
        }

        return a.Count == b.Count ? null : $"{path}: {a.Count} elements vs {b.Count}";
    }

    /// <summary>The value as the writer emits it: odd lengths padded.</summary>
    private static ReadOnlySpan<byte> Padded(ReadOnlySpan<byte> value, DicomVR vr = DicomVR.OB) =>
        (value.Length & 1) == 1 ? DicomValueParser.Pad(value.ToArray(), vr) : value;
}
