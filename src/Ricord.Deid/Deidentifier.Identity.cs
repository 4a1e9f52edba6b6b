using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>What the engine writes (PS3.15 E.1.1, PS3.3 C.7.1.1) and what it reports (burned-in annotation risk).</summary>
public sealed partial class Deidentifier
{
    private void WriteIdentity(DicomDataset ds, DeidRun run)
    {
        ds.SetString(DeidTags.PatientName, DicomVR.PN, run.Link.Pseudonym);
        ds.SetString(DeidTags.PatientID, DicomVR.LO, run.Link.Pseudonym);
        _identity.WriteTo(ds);
    }

    /// <summary>
    /// What every instance under one profile says about its de-identification (PatientIdentityRemoved,
    /// DeidentificationMethod and its code sequence, LongitudinalTemporalInformationModified), encoded once per engine.
    /// Element values are immutable and shared; each instance gets its own code sequence items.
    /// </summary>
    private sealed class IdentityElements
    {
        private readonly DicomElement[] _elements;
        private readonly DicomElement[][] _codeItems;
        private readonly string[] _method;
        private readonly (string Code, string Meaning)[] _codes;
        private readonly bool _ascii;

        public IdentityElements(DeidProfile profile)
        {
            var enabled = DeidOptionInfo.All.Where(profile.Has).ToList();
            _method = [Truncate($"Ricord profile {profile.Name}", 64), DeidOptionInfo.BasicProfileMeaning, .. enabled.Select(o => DeidOptionInfo.Code(o).Meaning)];
            _codes = [(DeidOptionInfo.BasicProfileCode, DeidOptionInfo.BasicProfileMeaning), .. enabled.Select(DeidOptionInfo.Code)];
            // PS3.3 C.7.1.1.1: whether dates were kept, shifted or removed.
            string temporal = profile.Has(DeidOption.RetainLongitudinalModifiedDates) ? "MODIFIED"
                : profile.Has(DeidOption.RetainLongitudinalFullDates) ? "UNMODIFIED" : "REMOVED";
            _elements =
            [
                Ascii(DeidTags.PatientIdentityRemoved, DicomVR.CS, "YES"),
                Ascii(DeidTags.DeidentificationMethod, DicomVR.LO, string.Join('\\', _method)),
                Ascii(DeidTags.LongitudinalTemporalInformationModified, DicomVR.CS, temporal),
            ];
            _codeItems = [.. _codes.Select(c => new[]
            {
                Ascii(DeidTags.CodeValue, DicomVR.SH, c.Code),
                Ascii(DeidTags.CodingSchemeDesignator, DicomVR.SH, "DCM"),
                Ascii(DeidTags.CodeMeaning, DicomVR.LO, c.Meaning),
            })];
            // ASCII bytes are the same in every character set a data set may declare; a profile name that is not ASCII is
            // encoded in each data set's own.
            _ascii = System.Text.Ascii.IsValid(profile.Name);
        }

        public void WriteTo(DicomDataset ds)
        {
            if (_ascii)
            {
                foreach (var e in _elements)
                {
                    ds.Set(e);
                }
            }
            else
            {
                ds.Set(_elements[0]);
                ds.SetStrings(DeidTags.DeidentificationMethod, DicomVR.LO, _method);
                ds.Set(_elements[2]);
            }

            var items = new List<DicomDataset>(_codeItems.Length);
            foreach (var item in _codeItems)
            {
                items.Add(new DicomDataset(item));
            }

            ds.Set(new DicomSequence(DeidTags.DeidentificationMethodCodeSequence, items));
        }

        private static DicomElement Ascii(DicomTag tag, DicomVR vr, string text) =>
            new(tag, vr, DicomValueParser.Pad(System.Text.Encoding.ASCII.GetBytes(text), vr));
    }

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
                foreach (var item in sq.Items)
                {
                    if (NeedsExtendedCharacters(item))
                    {
                        return true;
                    }
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
        foreach (var e in ds)
        {
            if (e is DicomSequence sq)
            {
                foreach (var item in sq.Items)
                {
                    RemoveCharacterSets(item);
                }
            }
        }
    }
}
