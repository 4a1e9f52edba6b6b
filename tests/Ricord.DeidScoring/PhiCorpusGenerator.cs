using System.Globalization;
using Ricord.Dicom;

namespace Ricord.DeidScoring;

/// <summary>
/// The hard PHI corpus: per file, a value in every attribute of PS3.15 Table E.1-1 at the top level, again three
/// sequences deep, one item in every listed sequence, and the places de-identifiers are known to miss (private
/// blocks, group 0016, UN, file meta, SR content, code sequences, step comments, person identification, original
/// attributes, icons, overlays, curves, signatures). Deterministic per seed; each file is its own patient.
/// </summary>
public static partial class PhiCorpusGenerator
{
    private const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";

    /// <summary>Sequences Table E.1-1 does not list, nested to carry values three levels deep.</summary>
    private static readonly DicomTag[] DeepChain = [new(0x00400260), new(0x00400440), new(0x0040A168)];

    public static PhiCorpus Generate(int seed, int files = 2)
    {
        var planter = new Planter(seed);
        var list = new List<PhiCorpusFile>();
        for (int f = 0; f < files; f++)
        {
            planter.File = f;
            var ds = new DicomDataset();
            Controls(ds, planter, f);
            PlantTable(ds, [], planter, Places.Table, withSequences: true);
            var path = new List<PathStep>();
            var item = ds;
            foreach (var tag in DeepChain)
            {
                if (TableE11.Standard.Find(tag) is not null)
                {
                    throw new InvalidOperationException($"{tag} is listed in Table E.1-1; the deep chain needs unlisted sequences.");
                }

                (item, path) = planter.Sequence(item, path, tag, Places.TableDeep);
                SafeCodeItem(item, path, planter);
            }

            PlantTable(item, path, planter, Places.TableDeep, withSequences: false);
            EveryVR(item, path, planter);
            PlantPlaces(ds, planter);
            var file = new DicomFile(ds);
            PlantMeta(file.Meta, planter);
            string sop = ds.GetString(new DicomTag(0x00080018))!;
            list.Add(new PhiCorpusFile(f, string.Create(CultureInfo.InvariantCulture, $"phi-{seed}-{f:D2}.dcm"), file, sop));
        }

        return new PhiCorpus(seed, list, planter.Values);
    }

    /// <summary>One value in every exact-tag row of Table E.1-1 (repeating groups, private rows and the File Meta group have their own places).</summary>
    private static void PlantTable(DicomDataset ds, List<PathStep> path, Planter planter, string place, bool withSequences)
    {
        foreach (var row in TableE11.Standard.ExactRows)
        {
            var tag = DicomTag.Parse(row.Tag);
            var vr = DicomDictionary.Find(tag)?.DefaultVR ?? DicomVR.UN;
            if (vr == DicomVR.UN || tag.Group == 0x0002 || ds.Contains(tag))
            {
                continue;
            }

            if (vr != DicomVR.SQ)
            {
                planter.Plant(ds, path, tag, vr, place);
            }
            else if (withSequences && !SpecialSequences.Contains(tag.Value))
            {
                var (item, itemPath) = planter.Sequence(ds, path, tag, place);
                SequenceItem(item, itemPath, planter, tag);
            }
        }
    }

    /// <summary>What the item of a listed sequence holds: a code from a local scheme, a reference and free text.</summary>
    private static void SequenceItem(DicomDataset item, List<PathStep> path, Planter planter, DicomTag owner)
    {
        if (PersonIdentificationSequences.Contains(owner.Value))
        {
            PersonIdentification(item, path, planter);
            return;
        }

        UnsafeCodeItem(item, path, planter, Places.TableItem);
        planter.Plant(item, path, new DicomTag(0x00081155), DicomVR.UI, Places.TableItem);
        planter.Plant(item, path, new DicomTag(0x0040A160), DicomVR.UT, Places.TableItem);
    }

    private static void UnsafeCodeItem(DicomDataset item, List<PathStep> path, Planter planter, string place)
    {
        planter.Plant(item, path, new DicomTag(0x00080100), DicomVR.SH, place);
        string scheme = "99" + planter.Token();
        planter.PlantText(item, path, new DicomTag(0x00080102), DicomVR.SH, scheme, scheme[2..], place);
        string name = planter.Token();
        planter.PlantText(item, path, new DicomTag(0x00080104), DicomVR.LO, $"{name}^MARGARETHA CHEST", name, place);
    }

    /// <summary>SNOMED CT 43799004 "Chest": a coded concept from a known scheme, its meaning in the vocabulary.</summary>
    private static void SafeCodeItem(DicomDataset item, List<PathStep> path, Planter planter)
    {
        planter.PlantText(item, path, new DicomTag(0x00080100), DicomVR.SH, "43799004", null, Places.SafeCode);
        planter.PlantText(item, path, new DicomTag(0x00080102), DicomVR.SH, "SCT", null, Places.SafeCode);
        planter.PlantText(item, path, new DicomTag(0x00080104), DicomVR.LO, "CHEST", null, Places.SafeCode);
    }

    /// <summary>Image attributes any profile keeps: they make the file a plain CT image (no burned-in text risk).</summary>
    private static void Controls(DicomDataset ds, Planter planter, int file)
    {
        ds.SetString(new DicomTag(0x00080070), DicomVR.LO, "GE MEDICAL SYSTEMS"); // context, not scored: a keep list may keep it
        List<PathStep> top = [];
        planter.PlantText(ds, top, new DicomTag(0x00080008), DicomVR.CS, "ORIGINAL\\PRIMARY\\AXIAL", null, Places.Control);
        planter.PlantText(ds, top, new DicomTag(0x00080016), DicomVR.UI, CtImageStorage, null, Places.Control);
        planter.PlantText(ds, top, new DicomTag(0x00080060), DicomVR.CS, "CT", null, Places.Control);
        planter.PlantText(ds, top, new DicomTag(0x00180050), DicomVR.DS, "1.25", null, Places.Control);
        planter.PlantText(ds, top, new DicomTag(0x00180060), DicomVR.DS, "120", null, Places.Control);
        planter.PlantText(ds, top, new DicomTag(0x00200013), DicomVR.IS, (file + 1).ToString(CultureInfo.InvariantCulture), null, Places.Control);
        planter.PlantText(ds, top, new DicomTag(0x00280004), DicomVR.CS, "MONOCHROME2", null, Places.Control);
        planter.PlantText(ds, top, new DicomTag(0x00280030), DicomVR.DS, "0.5\\0.5", null, Places.Control);
        planter.PlantText(ds, top, new DicomTag(0x00280301), DicomVR.CS, "NO", null, Places.Control);
        foreach (var (tag, value) in new (uint, ushort)[] { (0x00280002, 1), (0x00280010, 4), (0x00280011, 4), (0x00280100, 16), (0x00280101, 12), (0x00280102, 11), (0x00280103, 0) })
        {
            planter.Put(ds, top, new DicomTag(tag), DicomVR.US, BitConverter.GetBytes(value), null, Places.Control);
        }

        planter.Put(ds, top, new DicomTag(0x7FE00010), DicomVR.OW, new byte[32], null, Places.Control);
    }
}
