using System.Text.Json;
using Ricord.Deid;
using Ricord.Dicom;

namespace Ricord.DeidScoring;

/// <summary>
/// The oracle: the actions each planted value may undergo under a profile, from Table E.1-1 (Basic Profile, the
/// enabled option columns, the profile's overrides) and issue 14's rules for what the table leaves open: text it does
/// not list is removed or cleaned (closed world), binary values under C/D/unknown VR are removed or zeroed, private
/// elements go unless allowlisted, icons, encrypted attributes and the File Meta source AE titles and private
/// information go. Compound codes (X/Z/D) accept any of their alternatives. Derived from the standard, not the engine.
/// </summary>
public sealed partial class Expectations
{
    private readonly DeidProfile _profile;
    private readonly HashSet<string> _options;
    private readonly Dictionary<uint, string> _overrides = [];

    public Expectations(DeidProfile profile, bool strict)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _profile = profile;
        Strict = strict;
        _options = [.. profile.Options.Select(o => JsonSerializer.Serialize(o).Trim('"'))];
        foreach (var (tag, code) in profile.Overrides)
        {
            _overrides[DicomTag.Parse(tag).Value] = code;
        }
    }

    /// <summary>Strict allowlist: nothing but image attributes is kept or cleaned; everything else may only go, be emptied or replaced.</summary>
    public bool Strict { get; }

    public Expectation For(PlantedValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.InMeta)
        {
            return value.Element.Tag.Value == 0x00020003
                ? new(Outcome.U, "meta: Media Storage SOP Instance UID follows the SOP Instance UID")
                : new(Outcome.X, "issue 14: file meta source AE titles and private information removed");
        }

        bool ancestorMayGo = false;
        foreach (var step in value.Ancestors)
        {
            var parent = ForElement(step, value, isSelf: false);
            if (!parent.Accept.HasFlag(Outcome.P))
            {
                return new(Outcome.X, $"inside {step.Tag}: {parent.Rule}");
            }

            ancestorMayGo |= (parent.Accept & (Outcome.X | Outcome.Z)) != 0;
        }

        var own = ForElement(value.Element, value, isSelf: true);
        return ancestorMayGo ? own with { Accept = own.Accept | Outcome.X, Rule = own.Rule + " (or gone with its sequence)" } : own;
    }

    private Expectation ForElement(PathStep step, PlantedValue value, bool isSelf)
    {
        var e = Lenient(step, value, isSelf);
        if (!Strict || value.Place is Places.Control)
        {
            return e;
        }

        // Strict: keep nothing that is not an image attribute; dates may still be shifted, UIDs remapped.
        var cls = VRClasses.Of(step.VR, step.Tag);
        var accept = (e.Accept & ~(Outcome.K | Outcome.C)) | Outcome.X | Outcome.Z;
        if (cls is VRClass.Date or VRClass.Age && e.Accept.HasFlag(Outcome.C))
        {
            accept |= Outcome.C;
        }

        if (value.Place is Places.SafeCode && e.Accept.HasFlag(Outcome.K))
        {
            accept |= Outcome.K;
        }

        return new(accept, "strict: " + e.Rule);
    }

    private Expectation Lenient(PathStep step, PlantedValue value, bool isSelf)
    {
        var tag = step.Tag;
        var cls = VRClasses.Of(step.VR, tag);
        if (tag.IsPrivate)
        {
            return Private(step);
        }

        if (tag.Value is 0x04000500 or 0x00880200)
        {
            return new(Outcome.X, "issue 14: encrypted attributes and icon images removed");
        }

        if (step.VR == DicomVR.UN)
        {
            return Un(step, value, isSelf);
        }

        if (isSelf && value.Depth == 0 && tag.Value is 0x00100010 or 0x00100020)
        {
            return new(Outcome.D | Outcome.Z, "RICORD: patient name and ID become the pseudonym");
        }

        if (_overrides.TryGetValue(tag.Value, out string? code))
        {
            return new(Accept(code, cls, value), $"profile override {code}");
        }

        if (TableE11.Standard.Find(tag) is { } row)
        {
            string chosen = row.Basic;
            string column = "basic";
            foreach (var (option, optionCode) in row.Options.Where(o => _options.Contains(o.Key)))
            {
                if (column == "basic" || Rank(optionCode) > Rank(chosen))
                {
                    (chosen, column) = (optionCode, option);
                }
            }

            return new(Accept(chosen, cls, value), $"E.1-1 {column} {chosen}");
        }

        return Unlisted(step, value, cls);
    }

    private Expectation Private(PathStep step)
    {
        bool safeOn = _options.Contains("rtnSafePrivOpt");
        var safe = _profile.SafePrivate.Select(s => (Creator: s.Creator.Trim(), Key: s.Tag.Trim().ToUpperInvariant())).ToList();
        string creator = step.Creator?.Trim() ?? "";
        if (step.Tag.IsPrivateCreator)
        {
            return safeOn && safe.Any(s => s.Creator == creator && s.Key.StartsWith($"({step.Tag.Group:X4},", StringComparison.Ordinal))
                ? new(Outcome.K, "creator of a block with an allowlisted element")
                : new(Outcome.X, "private creator of a removed block");
        }

        string key = $"({step.Tag.Group:X4},XX{step.Tag.Element & 0xFF:X2})";
        return safeOn && safe.Contains((creator, key))
            ? new(Outcome.K, "private, on the safe allowlist (rtnSafePrivOpt)")
            : new(Outcome.X, "private, not allowlisted");
    }

    private static int Rank(string code) => code.Split('/').Max(c => c.TrimEnd('*') switch
    {
        "K" => 5,
        "C" => 4,
        "U" => 3,
        "D" => 2,
        "Z" => 1,
        _ => 0,
    });
}
