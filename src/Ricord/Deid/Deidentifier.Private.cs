using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>Private elements (PS3.15 E.3.10): kept only when their creator and offset are on the allowlist.</summary>
public sealed partial class Deidentifier
{
    private void WalkPrivate(DicomDataset ds, DeidRun run, int depth)
    {
        var creators = new Dictionary<DicomTag, string>();
        foreach (var e in ds)
        {
            if (e.Tag.IsPrivateCreator)
            {
                creators[e.Tag] = DicomValueParser.Text(e, ds.CharacterSet);
            }
        }

        var usedCreators = new HashSet<DicomTag>();
        foreach (var e in ds.ToList())
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

            usedCreators.Add(tag.PrivateCreatorTag);
            if (e is DicomSequence sq)
            {
                WalkItems(sq, run, depth);
            }

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
