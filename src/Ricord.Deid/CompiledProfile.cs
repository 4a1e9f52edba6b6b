using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>
/// A profile resolved against Table E.1-1 into one action per tag. Precedence (PS3.15 E.3): a
/// per-tag override wins; else, where enabled options name actions for the attribute, the least
/// destructive of them (K &gt; C &gt; U &gt; D &gt; Z &gt; X); else the Basic Profile action.
/// </summary>
internal sealed class CompiledProfile
{
    private readonly Dictionary<uint, DeidAction> _exact = [];
    private readonly List<(DicomTagPattern Pattern, DeidAction Action)> _patterns = [];
    private readonly HashSet<(string Creator, ushort Group, byte Offset)> _safePrivate = [];
    private readonly HashSet<uint> _identifying = [];

    public CompiledProfile(DeidProfile profile)
    {
        profile.Validate();
        Profile = profile;
        foreach (var row in ConfidentialityProfileTable.Standard.Rows)
        {
            var action = row.Basic;
            bool fromOption = false;
            foreach (var (option, a) in row.Options)
            {
                if (profile.Has(option))
                {
                    action = fromOption ? ActionCodes.LeastDestructive(action, a) : a;
                    fromOption = true;
                }
            }

            if (row.Pattern is not { } p)
            {
                continue;
            }

            if (p.IsExact && row.Basic is DeidAction.Remove or DeidAction.Zero or DeidAction.Dummy
                && action is DeidAction.Remove or DeidAction.Zero or DeidAction.Dummy
                && !row.Options.ContainsKey(DeidOption.CleanDescriptors) && !row.Options.ContainsKey(DeidOption.CleanStructuredContent))
            {
                // Removed for what it says about a person or place (not a descriptor, and not kept by an enabled option such
                // as Retain Patient Characteristics): its words are searched for.
                _identifying.Add(p.Value);
            }

            if (p.IsExact)
            {
                _exact[p.Value] = action;
            }
            else
            {
                _patterns.Add((p, action));
            }
        }

        foreach (var (tag, code) in profile.Overrides)
        {
            _exact[DicomTag.Parse(tag).Value] = ActionCodes.Parse(code);
        }

        if (profile.Has(DeidOption.RetainSafePrivate))
        {
            foreach (var s in profile.SafePrivate)
            {
                var (group, offset) = s.Parse();
                _safePrivate.Add((s.Creator.Trim(), group, offset));
            }
        }

        KeepOnly = profile.KeepOnly.Count == 0 ? null : profile.KeepOnly.Select(t => DicomTag.Parse(t).Value).ToHashSet();
        SafeWords = new HashSet<string>(DescriptorVocabulary.Words.Concat(profile.SafeWords.Select(w => w.Trim().ToUpperInvariant())), StringComparer.Ordinal);
    }

    public DeidProfile Profile { get; }

    public IReadOnlySet<string> SafeWords { get; }

    /// <summary>The allowlist of an allowlist profile (<see cref="DeidProfile.KeepOnly"/>), or null.</summary>
    public IReadOnlySet<uint>? KeepOnly { get; }

    public bool ShiftDates => Profile.Has(DeidOption.RetainLongitudinalModifiedDates);

    /// <summary>The action for a standard tag, or null when Table E.1-1 does not list it.</summary>
    public DeidAction? Resolve(DicomTag tag)
    {
        if (_exact.TryGetValue(tag.Value, out var a))
        {
            return a;
        }

        // Overlays (60xx, even groups): when Overlay Data goes, the whole overlay plane goes with it,
        // so no plane is left describing data that is not there.
        if (tag.Group is >= 0x6000 and <= 0x601E && (tag.Group & 1) == 0 && ResolvePattern(new DicomTag(tag.Group, 0x3000)) == DeidAction.Remove
            && !_exact.ContainsKey(tag.Value))
        {
            return DeidAction.Remove;
        }

        return ResolvePattern(tag) ?? CommonlyMissed(tag);
    }

    /// <summary>
    /// Places de-identifiers are known to miss that Table E.1-1 does not list: encrypted attributes (which hold the
    /// original values, PS3.15 E.1.1), MAC parameters, and any group 0016 (DICOM's EXIF) attribute the table does not
    /// name: camera and lens data written by photographic devices. Removed.
    /// </summary>
    private static DeidAction? CommonlyMissed(DicomTag tag) =>
        tag.Value is 0x04000500 or 0x04000510 or 0x04000520 or 0x4FFE0001 || tag.Group == 0x0016 ? DeidAction.Remove : null;

    /// <summary>True when Table E.1-1 removes the attribute as identifying (an ID, a name, an address), not as a descriptor.</summary>
    public bool IsIdentifying(DicomTag tag) => _identifying.Contains(tag.Value);

    public bool IsSafePrivate(string creator, DicomTag tag) =>
        _safePrivate.Count > 0 && _safePrivate.Contains((creator.Trim(), tag.Group, (byte)tag.Element));

    private DeidAction? ResolvePattern(DicomTag tag)
    {
        foreach (var (pattern, action) in _patterns)
        {
            if (pattern.Matches(tag.Value))
            {
                return action;
            }
        }

        return null;
    }
}
