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

        foreach (var e in ds.ToList())
        {
            var tag = e.Tag;
            if (tag.IsPrivate)
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

            if (_rules.Resolve(tag) is { } action)
            {
                ApplyAction(ds, typed, action, run, depth);
            }
            else
            {
                ApplyUnlisted(ds, typed, run, depth);
            }
        }

        WalkPrivate(ds, run, depth);
    }

    private void ApplyAction(DicomDataset ds, DicomElement e, DeidAction action, DeidRun run, int depth)
    {
        if (e.VR == DicomVR.UN && action != DeidAction.Remove && action != DeidAction.Zero)
        {
            // A UN value whose real VR is unknown (or a sequence) cannot be inspected: remove it.
            Remove(ds, e.Tag, run);
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

    /// <summary>Attributes Table E.1-1 does not list: kept, except instance UIDs (remapped), person names (dummy) and uninspectable UN.</summary>
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
                Remove(ds, e.Tag, run);
                break;
            case DicomVR.DA or DicomVR.DT when _rules.ShiftDates:
                ShiftDates(ds, e, run);
                break;
            default:
                run.Kept++;
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
        foreach (var item in sq.Items)
        {
            Walk(item, run, depth + 1);
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
