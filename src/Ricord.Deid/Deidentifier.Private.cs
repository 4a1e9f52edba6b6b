using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>Private elements (PS3.15 E.3.10): kept only when their creator and offset are on the allowlist.</summary>
public sealed partial class Deidentifier
{
    /// <summary>
    /// The allowlist holds numeric acquisition parameters: a kept value must be one. Text VRs are refused; UN (implicit
    /// VR) is typed by the private dictionary and kept only as a number; decimal and integer strings may hold only
    /// digits, signs, points, exponents and separators; binary numbers may not hide a run of letters.
    /// </summary>
    private static DicomElement? SafePrivateValue(DicomElement e, string creator)
    {
        var vr = e.VR == DicomVR.UN ? DicomDictionary.FindPrivate(creator, e.Tag)?.DefaultVR ?? DicomVR.UN : e.VR;
        var typed = vr == e.VR ? e : new DicomElement(e.Tag, vr, e.Buffer);
        switch (vr)
        {
            case DicomVR.DS or DicomVR.IS:
                foreach (byte b in e.Bytes)
                {
                    if (b is not ((>= (byte)'0' and <= (byte)'9') or (byte)'+' or (byte)'-' or (byte)'.' or (byte)'e' or (byte)'E' or (byte)' ' or (byte)'\\' or 0))
                    {
                        return null;
                    }
                }

                return typed;
            case DicomVR.FD or DicomVR.FL or DicomVR.US or DicomVR.SS or DicomVR.UL or DicomVR.SL or DicomVR.SV or DicomVR.UV:
                return e.Length % DicomVRInfo.UnitSize(vr) == 0 && !HasLetterRun(e.Bytes) ? typed : null;
            default:
                return null;
        }
    }

    private static bool HasLetterRun(ReadOnlySpan<byte> bytes)
    {
        int run = 0;
        foreach (byte b in bytes)
        {
            run = char.IsAsciiLetter((char)b) ? run + 1 : 0;
            if (run >= 4)
            {
                return true;
            }
        }

        return false;
    }

    private void WalkPrivate(DicomDataset ds, ReadOnlySpan<DicomElement> elements, DeidRun run, int depth)
    {
        Dictionary<DicomTag, string>? creators = null;
        bool anyPrivate = false;
        foreach (var e in elements)
        {
            if (e.Tag.IsPrivate)
            {
                anyPrivate = true;
                if (e.Tag.IsPrivateCreator)
                {
                    (creators ??= [])[e.Tag] = DicomValueParser.Text(e, ds.CharacterSet);
                }
            }
        }

        if (!anyPrivate)
        {
            return;
        }

        creators ??= [];
        var usedCreators = new HashSet<DicomTag>();
        foreach (var e in elements)
        {
            var tag = e.Tag;
            if (!tag.IsPrivate || tag.IsPrivateCreator)
            {
                continue;
            }

            bool safe = tag.Element > 0x00FF
                && creators.TryGetValue(tag.PrivateCreatorTag, out var creator)
                && _rules.IsSafePrivate(creator, tag);
            if (!safe)
            {
                Remove(ds, tag, run);
                continue;
            }

            if (e is DicomSequence sq)
            {
                WalkItems(sq, run, depth);
            }
            else if (SafePrivateValue(e, creators[tag.PrivateCreatorTag]) is { } value)
            {
                if (!ReferenceEquals(value, e))
                {
                    ds.Set(value);
                }
            }
            else
            {
                // Allowlisted as a number, but the value is not one: whatever it is, it is not what was judged safe.
                RemoveBinary(ds, e, run);
                continue;
            }

            usedCreators.Add(tag.PrivateCreatorTag);
            run.Kept++;
        }

        foreach (var creatorTag in creators.Keys)
        {
            if (!usedCreators.Contains(creatorTag))
            {
                Remove(ds, creatorTag, run);
            }
            else
            {
                run.Kept++;
            }
        }
    }
}
