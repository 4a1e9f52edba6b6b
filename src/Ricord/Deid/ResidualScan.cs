using System.Text;
using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>
/// The residual-identifier scan: after the rules have run, every value left in the data set (text at any
/// depth, kept private elements, numbers written as text, binary values other than pixel data) is searched
/// for the <see cref="KnownIdentifiers"/>. A hit is removed and counted by attribute path; a hit where
/// nothing can be removed without destroying the instance (an encapsulated document) marks it for review.
/// Pixel data is not searched here: text burned into pixels is the burned-in annotation rule's job.
/// </summary>
internal static class ResidualScan
{
    private const int MinSubstringWord = 5;
    private const int MaxBinaryScanBytes = 16 << 20;

    private static readonly DicomTag EncapsulatedDocument = new(0x00420011);

    public static void Run(DicomDataset ds, KnownIdentifiers known, DeidFindings findings)
    {
        if (!known.IsEmpty)
        {
            Scan(ds, known, findings, [], 0);
        }
    }

    private static void Scan(DicomDataset ds, KnownIdentifiers known, DeidFindings findings, List<string> path, int depth)
    {
        if (depth > 64)
        {
            return;
        }

        foreach (var e in ds.ToList())
        {
            if (e is DicomSequence sq)
            {
                path.Add(DeidFindings.Name(e.Tag));
                foreach (var item in sq.Items)
                {
                    Scan(item, known, findings, path, depth + 1);
                }

                path.RemoveAt(path.Count - 1);
                continue;
            }

            if (e is DicomFragmentSequence || !Holds(e, ds.CharacterSet, known))
            {
                continue;
            }

            string where = path.Count == 0 ? DeidFindings.Name(e.Tag) : string.Join('/', path) + "/" + DeidFindings.Name(e.Tag);
            if (e.Tag == EncapsulatedDocument)
            {
                findings.UncleanableHit ??= $"a known identifier is inside {where}, which cannot be cleaned without destroying the document";
                continue;
            }

            ds.Remove(e.Tag);
            findings.AddResidual(where);
        }
    }

    private static bool Holds(DicomElement e, DicomCharacterSet charset, KnownIdentifiers known)
    {
        switch (e.VR)
        {
            case DicomVR.PN or DicomVR.LO or DicomVR.SH or DicomVR.ST or DicomVR.LT or DicomVR.UT or DicomVR.UC or DicomVR.UR or DicomVR.AE or DicomVR.CS:
                return HoldsText(DicomValueParser.Text(e, charset), known);
            case DicomVR.IS or DicomVR.DS:
                // A number may be an MRN or a phone number written into a numeric field.
                return known.Ids.Contains(KnownIdentifiers.Compact(DicomValueParser.Text(e, charset)));
            case DicomVR.OB or DicomVR.OW or DicomVR.OF or DicomVR.OD or DicomVR.OL or DicomVR.OV or DicomVR.UN:
                return !IsPixelData(e.Tag) && e.Length <= MaxBinaryScanBytes && HoldsBinary(e.Bytes, known);
            default:
                // UIDs are ours (remapped), dates and times shifted, AS capped, binary numbers hold no text.
                return false;
        }
    }

    public static bool HoldsText(string text, KnownIdentifiers known)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var token in KnownIdentifiers.Tokens(text))
        {
            if (known.Words.Contains(token))
            {
                return true;
            }
        }

        string compact = KnownIdentifiers.Compact(text);
        foreach (var id in known.Ids)
        {
            if (compact.Contains(id, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var word in known.Words)
        {
            if (word.Length >= MinSubstringWord && compact.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HoldsBinary(ReadOnlySpan<byte> bytes, KnownIdentifiers known)
    {
        // Latin-1 keeps one character per byte; upper case so that "Smith" in an EXIF string matches.
        string text = Encoding.Latin1.GetString(bytes).ToUpperInvariant();
        foreach (var id in known.Ids)
        {
            if (id.Length >= MinSubstringWord && text.Contains(id, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var word in known.Words)
        {
            if (word.Length >= MinSubstringWord && text.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPixelData(DicomTag tag) =>
        tag.Value is 0x7FE00010 or 0x7FE00008 or 0x7FE00009 || (tag.Group is >= 0x6000 and <= 0x60FF && tag.Element == 0x3000);
}
