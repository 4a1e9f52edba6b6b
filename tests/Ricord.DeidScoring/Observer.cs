using System.Text;
using Ricord.Dicom;

namespace Ricord.DeidScoring;

/// <summary>Reads a de-identified output and classifies what happened to each planted value (see <see cref="Outcome"/>).</summary>
public static class Observer
{
    private static readonly char[] WordSeparators = [' ', '^', '\\', '=', ',', '.', '-', '/', '_'];

    /// <summary>The outcome for <paramref name="value"/> in an output file (null: no output for its file, everything withheld).</summary>
    public static Observation Observe(PlantedValue value, DicomFile? output)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (output is null)
        {
            return new(Outcome.X, false);
        }

        var ds = value.InMeta ? output.Meta : output.Dataset;
        foreach (var step in value.Ancestors)
        {
            var parent = ds[step.Tag];
            if (parent is DicomSequence sq)
            {
                if (step.Item >= sq.Items.Count)
                {
                    return new(Outcome.X, false);
                }

                ds = sq.Items[step.Item];
            }
            else
            {
                // Still bytes (a sequence left as UN): the value is kept if its needle is.
                bool inside = parent is not null && value.Needle is { } n && Contains(parent.Bytes, n);
                return new(inside ? Outcome.K : Outcome.X, inside);
            }
        }

        var e = ds[value.Element.Tag];
        if (e is null)
        {
            return new(Outcome.X, false);
        }

        bool needle = value.Needle is { } needleText && Contains(e is DicomSequence ? [] : e.Bytes, needleText);
        if (e is DicomSequence s)
        {
            return new(s.Items.Count == 0 ? Outcome.Z : Outcome.P, false);
        }

        return new(Classify(value, e), needle);
    }

    private static Outcome Classify(PlantedValue value, DicomElement e)
    {
        byte[] now = e.Bytes.ToArray();
        bool isString = VRClasses.IsString(e.VR);
        if (isString ? Trim(now).Length == 0 : now.Length == 0)
        {
            return Outcome.Z;
        }

        if (isString ? Trim(now).SequenceEqual(Trim(value.Value)) : now.AsSpan().SequenceEqual(value.Value))
        {
            return Outcome.K;
        }

        if (e.VR == DicomVR.SQ && value.VR == DicomVR.UN)
        {
            return Outcome.P;
        }

        return VRClasses.Of(e.VR, e.Tag) switch
        {
            VRClass.Uid => Outcome.U,
            VRClass.Date or VRClass.Age => Outcome.C,
            VRClass.Binary => now.All(b => b == 0) ? Outcome.D : Outcome.C,
            VRClass.Name or VRClass.Text => SharesWord(value.Value, now) ? Outcome.C : Outcome.D,
            _ => now.All(b => b == 0) || isString ? Outcome.D : Outcome.C,
        };
    }

    private static bool SharesWord(byte[] before, byte[] after)
    {
        var words = Encoding.Latin1.GetString(before).ToUpperInvariant().Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return Encoding.Latin1.GetString(after).ToUpperInvariant().Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries).Any(words.Contains);
    }

    private static byte[] Trim(byte[] b) => Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(b).Trim(' ', '\0'));

    /// <summary>Case-insensitive search for an ASCII needle in one value.</summary>
    public static bool Contains(ReadOnlySpan<byte> haystack, string needle) =>
        Encoding.Latin1.GetString(haystack).Contains(needle, StringComparison.OrdinalIgnoreCase);
}
