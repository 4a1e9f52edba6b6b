using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>What the engine writes (PS3.15 E.1.1, PS3.3 C.7.1.1) and what it reports (burned-in annotation risk).</summary>
public sealed partial class Deidentifier
{
    private void WriteIdentity(DicomDataset ds, DeidRun run)
    {
        var profile = _rules.Profile;
        ds.SetString(DeidTags.PatientName, DicomVR.PN, run.Link.Pseudonym);
        ds.SetString(DeidTags.PatientID, DicomVR.LO, run.Link.Pseudonym);
        ds.SetString(DeidTags.PatientIdentityRemoved, DicomVR.CS, "YES");

        var enabled = DeidOptionInfo.All.Where(profile.Has).ToList();
        var method = new List<string> { Truncate($"Ricord profile {profile.Name}", 64), DeidOptionInfo.BasicProfileMeaning };
        method.AddRange(enabled.Select(o => DeidOptionInfo.Code(o).Meaning));
        ds.SetStrings(DeidTags.DeidentificationMethod, DicomVR.LO, [.. method]);

        var codes = new List<DicomDataset> { CodeItem(DeidOptionInfo.BasicProfileCode, DeidOptionInfo.BasicProfileMeaning) };
        codes.AddRange(enabled.Select(o => DeidOptionInfo.Code(o)).Select(c => CodeItem(c.Code, c.Meaning)));
        ds.Set(new DicomSequence(DeidTags.DeidentificationMethodCodeSequence, codes));

        // PS3.3 C.7.1.1.1: whether dates were kept, shifted or removed.
        string temporal = profile.Has(DeidOption.RetainLongitudinalModifiedDates) ? "MODIFIED"
            : profile.Has(DeidOption.RetainLongitudinalFullDates) ? "UNMODIFIED" : "REMOVED";
        ds.SetString(DeidTags.LongitudinalTemporalInformationModified, DicomVR.CS, temporal);
    }

    private static DicomDataset CodeItem(string code, string meaning) => new DicomDataset()
        .SetString(DeidTags.CodeValue, DicomVR.SH, code)
        .SetString(DeidTags.CodingSchemeDesignator, DicomVR.SH, "DCM")
        .SetString(DeidTags.CodeMeaning, DicomVR.LO, meaning);

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    /// <summary>
    /// Values written here are ASCII; kept values stay in the source encoding. If no text value
    /// anywhere still needs more than ASCII, Specific Character Set is removed (the default
    /// repertoire); otherwise the source's term stays, which is still correct for the kept bytes.
    /// </summary>
    private static void FixCharacterSet(DicomDataset ds)
    {
        if (!NeedsExtendedCharacters(ds))
        {
            RemoveCharacterSets(ds);
        }
    }

    private static bool NeedsExtendedCharacters(DicomDataset ds)
    {
        foreach (var e in ds)
        {
            if (e is DicomSequence sq)
            {
                if (sq.Items.Any(NeedsExtendedCharacters))
                {
                    return true;
                }
            }
            else if (DicomVRInfo.UsesSpecificCharacterSet(e.VR) && e.Bytes.ContainsAnyExceptInRange((byte)0x00, (byte)0x7F))
            {
                return true;
            }
            else if (DicomVRInfo.UsesSpecificCharacterSet(e.VR) && e.Bytes.Contains((byte)0x1B))
            {
                return true; // ISO 2022 escape
            }
        }

        return false;
    }

    private static void RemoveCharacterSets(DicomDataset ds)
    {
        ds.Remove(DeidTags.SpecificCharacterSet);
        foreach (var sq in ds.OfType<DicomSequence>())
        {
            foreach (var item in sq.Items)
            {
                RemoveCharacterSets(item);
            }
        }
    }
}
