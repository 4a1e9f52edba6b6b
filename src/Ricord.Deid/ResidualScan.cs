using System.Text;
using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>
/// The residual-identifier scan: after the rules have run, every value left in the data set (text at any
/// depth, kept private elements, numbers written as text, binary values other than pixel data) is searched
/// for the <see cref="KnownIdentifiers"/>. A hit is removed and counted by attribute path; a hit where
/// nothing can be removed without destroying the instance (an encapsulated document) marks it for review.
/// Pixel data is not searched here: text burned into pixels is the burned-in annotation rule's job.
/// ASCII values (nearly all) are searched in place, without decoding or allocating.
/// </summary>
internal static class ResidualScan
{
    private const int MaxBinaryScanBytes = 16 << 20;
    private const int MaxStackChars = 512;

    private static readonly DicomTag EncapsulatedDocument = new(0x00420011);
    private static readonly HashSet<uint> NoTags = [];

    public static void Run(DicomDataset ds, KnownIdentifiers known, DeidFindings findings, IReadOnlySet<uint>? except = null)
    {
        var lookup = known.Prepared;
        if (!lookup.IsEmpty)
        {
            Scan(ds, lookup, findings, except ?? NoTags, [], 0);
        }
    }

    private static void Scan(DicomDataset ds, KnownIdentifiers.Lookup known, DeidFindings findings, IReadOnlySet<uint> except, List<DicomTag> path, int depth)
    {
        if (depth > 64)
        {
            return;
        }

        List<DicomTag>? hits = null;
        foreach (var e in ds)
        {
            if (e is DicomSequence sq)
            {
                path.Add(e.Tag);
                foreach (var item in sq.Items)
                {
                    Scan(item, known, findings, except, path, depth + 1);
                }

                path.RemoveAt(path.Count - 1);
            }
            else if (e is not DicomFragmentSequence && !except.Contains(e.Tag.Value) && Holds(e, ds.CharacterSet, known))
            {
                (hits ??= []).Add(e.Tag);
            }
        }

        foreach (var tag in hits ?? [])
        {
            string where = DeidFindings.PathOf(path, tag);
            if (tag == EncapsulatedDocument)
            {
                findings.UncleanableHit ??= $"a known identifier is inside {where}, which cannot be cleaned without destroying the document";
                continue;
            }

            ds.Remove(tag);
            findings.AddResidual(where);
        }
    }

    private static bool Holds(DicomElement e, DicomCharacterSet charset, KnownIdentifiers.Lookup known)
    {
        switch (e.VR)
        {
            case DicomVR.PN or DicomVR.LO or DicomVR.SH or DicomVR.ST or DicomVR.LT or DicomVR.UT or DicomVR.UC or DicomVR.UR or DicomVR.AE or DicomVR.CS:
                return e.Bytes.Length <= MaxStackChars && Ascii.IsValid(e.Bytes) && !e.Bytes.Contains((byte)0x1B)
                    ? HoldsAscii(e.Bytes, known)
                    : HoldsText(DicomValueParser.Text(e, charset), known);
            case DicomVR.IS or DicomVR.DS:
                // A number may be an MRN or a phone number written into a numeric field.
                return e.Bytes.Length <= MaxStackChars && Ascii.IsValid(e.Bytes) ? HoldsNumber(e.Bytes, known) : false;
            case DicomVR.OB or DicomVR.OW or DicomVR.OF or DicomVR.OD or DicomVR.OL or DicomVR.OV or DicomVR.UN:
                return !IsPixelData(e.Tag) && e.Length <= MaxBinaryScanBytes && HoldsBinary(e.Bytes, known);
            default:
                // UIDs are ours (remapped), dates and times shifted, AS capped, binary numbers hold no text.
                return false;
        }
    }

    /// <summary>Whether <paramref name="text"/> holds a known identifier (normalised for case, '^', spaces and punctuation).</summary>
    public static bool HoldsText(string text, KnownIdentifiers known) => HoldsText(text, known.Prepared);

    private static bool HoldsText(string text, KnownIdentifiers.Lookup known)
    {
        Span<char> compact = text.Length <= MaxStackChars ? stackalloc char[text.Length] : new char[text.Length];
        Span<int> bounds = text.Length <= MaxStackChars ? stackalloc int[text.Length + 2] : new int[text.Length + 2];
        int n = 0, b = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool word = char.IsLetterOrDigit(c);
            if (word)
            {
                if (!inWord)
                {
                    bounds[b++] = n;
                }

                compact[n++] = char.ToUpperInvariant(c);
            }
            else if (inWord)
            {
                bounds[b++] = n;
            }

            inWord = word;
        }

        if (inWord)
        {
            bounds[b++] = n;
        }

        return Matches(compact[..n], bounds[..b], known);
    }

    private static bool HoldsAscii(ReadOnlySpan<byte> bytes, KnownIdentifiers.Lookup known)
    {
        Span<char> compact = stackalloc char[bytes.Length];
        Span<int> bounds = stackalloc int[bytes.Length + 2];
        int n = 0, b = 0;
        bool inWord = false;
        foreach (byte x in bytes)
        {
            char c = (char)x;
            bool word = char.IsAsciiLetterOrDigit(c);
            if (word)
            {
                if (!inWord)
                {
                    bounds[b++] = n;
                }

                compact[n++] = char.IsAsciiLetterLower(c) ? (char)(c - 32) : c;
            }
            else if (inWord)
            {
                bounds[b++] = n;
            }

            inWord = word;
        }

        if (inWord)
        {
            bounds[b++] = n;
        }

        return Matches(compact[..n], bounds[..b], known);
    }

    /// <summary>Words by equality (token by token), IDs and long words anywhere in the letters and digits.</summary>
    private static bool Matches(ReadOnlySpan<char> compact, ReadOnlySpan<int> bounds, KnownIdentifiers.Lookup known)
    {
        if (compact.Length == 0)
        {
            return false;
        }

        for (int i = 0; i + 1 < bounds.Length; i += 2)
        {
            if (known.Words.Contains(compact[bounds[i]..bounds[i + 1]]))
            {
                return true;
            }
        }

        return compact.IndexOfAny(known.Substrings) >= 0;
    }

    private static bool HoldsNumber(ReadOnlySpan<byte> bytes, KnownIdentifiers.Lookup known)
    {
        Span<char> compact = stackalloc char[bytes.Length];
        int n = 0;
        foreach (byte x in bytes)
        {
            if (char.IsAsciiLetterOrDigit((char)x))
            {
                compact[n++] = char.ToUpperInvariant((char)x);
            }
        }

        return n > 0 && known.Ids.Contains(compact[..n]);
    }

    private static bool HoldsBinary(ReadOnlySpan<byte> bytes, KnownIdentifiers.Lookup known)
    {
        // Latin-1 keeps one character per byte; upper case so that "Smith" in an EXIF string matches.
        string text = Encoding.Latin1.GetString(bytes).ToUpperInvariant();
        foreach (var id in known.IdArray)
        {
            if (id.Length >= 5 && text.Contains(id, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var word in known.LongWords)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPixelData(DicomTag tag) =>
        tag.Value is 0x7FE00010 or 0x7FE00008 or 0x7FE00009 || (tag.Group is >= 0x6000 and <= 0x60FF && tag.Element == 0x3000);
}
