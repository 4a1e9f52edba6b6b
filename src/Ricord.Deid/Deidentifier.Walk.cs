using System.Buffers;
using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>The recursive walk: one action per element, private elements by allowlist.</summary>
public sealed partial class Deidentifier
{
    private const int MaxDepth = 64;

    private void Walk(DicomDataset ds, DeidRun run, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new DeidentificationException($"Sequences nest deeper than {MaxDepth} levels; refusing to guess what they hold.");
        }

        bool codeItem = CodedConcepts.IsCodeItem(ds);
        if (codeItem)
        {
            CleanCode(ds, run);
        }

        // The rules change the data set as they go: walk a copy of its element list (pooled, not allocated per item).
        var snapshot = Snapshot(ds, out int count);
        try
        {
            WalkStandard(ds, snapshot.AsSpan(0, count), codeItem, run, depth);
            WalkPrivate(ds, snapshot.AsSpan(0, count), run, depth);
        }
        finally
        {
            ArrayPool<DicomElement>.Shared.Return(snapshot, clearArray: true);
        }
    }

    private static DicomElement[] Snapshot(DicomDataset ds, out int count)
    {
        var array = ArrayPool<DicomElement>.Shared.Rent(Math.Max(ds.Count, 1));
        count = 0;
        foreach (var e in ds)
        {
            array[count++] = e;
        }

        return array;
    }

    private void WalkStandard(DicomDataset ds, ReadOnlySpan<DicomElement> elements, bool codeItem, DeidRun run, int depth)
    {
        foreach (var e in elements)
        {
            var tag = e.Tag;
            if (tag.IsPrivate || (codeItem && CodedConcepts.IsCodeTag(tag)))
            {
                continue;
            }

            if (tag.IsGroupLength || tag.Group is 0x0001 or 0x0003 or 0x0005 or 0x0007 || tag.Group == 0x0002)
            {
                // Group lengths go stale; odd reserved groups and a stray meta group do not belong in a data set.
                Remove(ds, tag, run);
                continue;
            }

            var typed = Typed(e);
            if (!ReferenceEquals(typed, e))
            {
                ds.Set(typed);
            }

            if (KnownIdentifiers.IsSource(typed, _rules))
            {
                run.Sources.Add(new StudyIdentifierMemory.Source(typed, ds.CharacterSet));
            }

            if (_rules.KeepOnly is { } allowed)
            {
                ApplyAllowlist(ds, typed, allowed.Contains(tag.Value), run, depth);
            }
            else if (_rules.Resolve(tag) is { } action)
            {
                ApplyAction(ds, typed, action, run, depth);
            }
            else
            {
                ApplyUnlisted(ds, typed, run, depth);
            }
        }
    }

    private void ApplyAction(DicomDataset ds, DicomElement e, DeidAction action, DeidRun run, int depth)
    {
        if (e.VR == DicomVR.UN && action != DeidAction.Remove && action != DeidAction.Zero)
        {
            // A UN value whose real VR is unknown (or a sequence) cannot be inspected: remove it.
            RemoveBinary(ds, e, run);
            return;
        }

        if (IsOpaqueBinary(e.VR) && action == DeidAction.Clean)
        {
            // Clean on a value that cannot be read as text (group 0016 MakerNote, OB device settings): nothing in it
            // can be checked, so nothing of it is kept.
            RemoveBinary(ds, e, run);
            return;
        }

        switch (action)
        {
            case DeidAction.Remove:
                Remove(ds, e.Tag, run);
                break;
            case DeidAction.Zero:
                ds.Set(e is DicomSequence ? new DicomSequence(e.Tag) : new DicomElement(e.Tag, e.VR, ReadOnlyMemory<byte>.Empty));
                run.Replaced++;
                break;
            case DeidAction.Keep:
                Keep(ds, e, run, depth);
                break;
            case DeidAction.Dummy:
                if (e is DicomSequence dummySq)
                {
                    WalkItems(dummySq, run, depth);
                }
                else
                {
                    if (IsOpaqueBinary(e.VR))
                    {
                        run.Findings.AddBinary(run.PathOf(e.Tag));
                    }

                    ds.Set(Dummy(ds, e, run));
                    run.Replaced++;
                }

                break;
            case DeidAction.Clean:
                Clean(ds, e, run, depth);
                break;
            case DeidAction.RemapUid:
                if (e is DicomSequence uidSq)
                {
                    WalkItems(uidSq, run, depth);
                }
                else if (e.VR == DicomVR.UI)
                {
                    RemapUids(ds, e, run);
                }
                else
                {
                    ds.Set(Dummy(ds, e, run));
                    run.Replaced++;
                }

                break;
        }
    }

    /// <summary>
    /// Attributes Table E.1-1 does not list. Closed world: text is kept only from the keep list
    /// (<see cref="UnlistedTextRule"/>), else cleaned by the vocabulary (Clean Descriptors) or removed;
    /// AE and UR go; instance UIDs are remapped; person names become a dummy; dates and times are shifted;
    /// uninspectable UN goes. Numbers, CS defined terms and binary data (pixels, LUTs) are kept.
    /// </summary>
    private void ApplyUnlisted(DicomDataset ds, DicomElement e, DeidRun run, int depth)
    {
        switch (e.VR)
        {
            case DicomVR.SQ:
                WalkItems((DicomSequence)e, run, depth);
                run.Kept++;
                break;
            case DicomVR.UI when !DeidTags.ClassUids.Contains(e.Tag.Value):
                RemapUids(ds, e, run);
                break;
            case DicomVR.PN:
                ds.Set(Dummy(ds, e, run));
                run.Replaced++;
                break;
            case DicomVR.UN:
                RemoveBinary(ds, e, run);
                break;
            case DicomVR.DA or DicomVR.DT or DicomVR.TM when _rules.ShiftDates:
                ShiftDates(ds, e, run);
                break;
            case DicomVR.AE or DicomVR.UR:
                Remove(ds, e.Tag, run);
                break;
            case DicomVR.SH or DicomVR.LO or DicomVR.ST or DicomVR.LT or DicomVR.UT or DicomVR.UC:
                if (UnlistedTextRule.KeepReason(e.Tag.Value) is not null)
                {
                    run.Kept++;
                }
                else if (_rules.Profile.Has(DeidOption.CleanDescriptors))
                {
                    CleanText(ds, e, run);
                }
                else
                {
                    Remove(ds, e.Tag, run);
                }

                break;
            default:
                run.Kept++;
                break;
        }
    }

    /// <summary>An allowlist profile: an attribute on the list keeps its value (UIDs remapped, dates shifted when the options say so); any other goes.</summary>
    private void ApplyAllowlist(DicomDataset ds, DicomElement e, bool allowed, DeidRun run, int depth)
    {
        if (!allowed || e.VR == DicomVR.UN)
        {
            Remove(ds, e.Tag, run);
            return;
        }

        switch (e.VR)
        {
            case DicomVR.UI when !DeidTags.ClassUids.Contains(e.Tag.Value):
                RemapUids(ds, e, run);
                break;
            case DicomVR.DA or DicomVR.DT or DicomVR.TM when _rules.ShiftDates:
                ShiftDates(ds, e, run);
                break;
            case DicomVR.DA or DicomVR.DT or DicomVR.TM or DicomVR.PN or DicomVR.AE or DicomVR.UR:
                Remove(ds, e.Tag, run);
                break;
            default:
                Keep(ds, e, run, depth);
                break;
        }
    }

    private void Keep(DicomDataset ds, DicomElement e, DeidRun run, int depth)
    {
        if (e is DicomSequence sq)
        {
            WalkItems(sq, run, depth);
        }
        else if (e.VR == DicomVR.AS)
        {
            CapAge(ds, e, run);
            return;
        }

        run.Kept++;
    }

    private void WalkItems(DicomSequence sq, DeidRun run, int depth)
    {
        run.Path.Add(sq.Tag);
        foreach (var item in sq.Items)
        {
            Walk(item, run, depth + 1);
        }

        run.Path.RemoveAt(run.Path.Count - 1);
    }

    /// <summary>VRs whose values are bytes that no rule can read as text.</summary>
    private static bool IsOpaqueBinary(DicomVR vr) =>
        vr is DicomVR.OB or DicomVR.OW or DicomVR.UN or DicomVR.OF or DicomVR.OD or DicomVR.OL or DicomVR.OV;

    private static void RemoveBinary(DicomDataset ds, DicomElement e, DeidRun run)
    {
        if (ds.Remove(e.Tag))
        {
            run.Removed++;
            run.Findings.AddBinary(run.PathOf(e.Tag));
        }
    }

    private static void Remove(DicomDataset ds, DicomTag tag, DeidRun run)
    {
        if (ds.Remove(tag))
        {
            run.Removed++;
        }
    }

    /// <summary>An element read as UN (implicit VR, unknown to the reader) gets its dictionary VR when the dictionary knows a non-sequence one.</summary>
    private static DicomElement Typed(DicomElement e)
    {
        if (e.VR != DicomVR.UN || e is DicomSequence or DicomFragmentSequence)
        {
            return e;
        }

        var vr = DicomDictionary.Find(e.Tag)?.DefaultVR ?? DicomVR.UN;
        return vr is DicomVR.UN or DicomVR.SQ ? e : new DicomElement(e.Tag, vr, e.Buffer);
    }
}
