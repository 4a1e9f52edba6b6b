using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>What the engine writes (PS3.15 E.1.1, PS3.3 C.7.1.1) and what it reports (burned-in annotation risk).</summary>
public sealed partial class Deidentifier
{
    private const string SecondaryCaptureClass = "1.2.840.10008.5.1.4.1.1.7";

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
    /// Identifiers may be burned into the pixels where the header says so, where the image is a
    /// secondary capture (a screenshot) not marked free of them, or where the device is unknown.
    /// </summary>
    private static BurnedInAnnotationRisk? AssessBurnedInAnnotation(DicomDataset ds)
    {
        string? burnedIn = ds.GetString(DeidTags.BurnedInAnnotation)?.Trim().ToUpperInvariant();
        if (burnedIn == "YES")
        {
            return new BurnedInAnnotationRisk("BurnedInAnnotation (0028,0301) is YES");
        }

        string sopClass = ds.GetString(DeidTags.SOPClassUID)?.Trim().TrimEnd('\0') ?? "";
        if ((sopClass == SecondaryCaptureClass || sopClass.StartsWith(SecondaryCaptureClass + ".", StringComparison.Ordinal)) && burnedIn != "NO")
        {
            return new BurnedInAnnotationRisk("Secondary Capture SOP class (1.2.840.10008.5.1.4.1.1.7*) without BurnedInAnnotation (0028,0301) = NO");
        }

        if (string.IsNullOrWhiteSpace(ds.GetString(DeidTags.Manufacturer)))
        {
            return new BurnedInAnnotationRisk("Unknown device: Manufacturer (0008,0070) is missing or empty");
        }

        if (string.IsNullOrWhiteSpace(ds.GetString(DeidTags.Modality)))
        {
            return new BurnedInAnnotationRisk("Unknown device: Modality (0008,0060) is missing or empty");
        }

        return null;
    }

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
