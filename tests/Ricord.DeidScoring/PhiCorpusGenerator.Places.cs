using System.Text;
using Ricord.Dicom;

namespace Ricord.DeidScoring;

/// <summary>The places de-identifiers are known to miss, each planted on purpose.</summary>
public static partial class PhiCorpusGenerator
{
    /// <summary>Listed sequences whose items the places below fill (the table pass leaves them alone).</summary>
    private static readonly HashSet<uint> SpecialSequences = [0x0040A730, 0x00880200, 0xFFFAFFFA, 0x04000561, 0x00400275];

    /// <summary>Identification sequences (X, X/D, D) whose items carry a Person Identification Code Sequence.</summary>
    private static readonly HashSet<uint> PersonIdentificationSequences = [0x00081072, 0x00081062, 0x00080096, 0x00081052, 0x00081049, 0x00401101];

    private static void PlantPlaces(DicomDataset ds, Planter planter)
    {
        List<PathStep> top = [];
        Private(ds, top, planter);
        Group0016AndUn(ds, planter);
        SrContent(ds, planter);
        StepComments(ds, planter);
        RequestAttributes(ds, planter);
        OriginalAttributes(ds, planter);
        IconOverlayCurveSignature(ds, planter);

        // Code sequences: a local scheme (names and IDs) and a safe scheme in the same sequence.
        var (code, codePath) = planter.Sequence(ds, top, new DicomTag(0x00081032), Places.UnsafeCode);
        UnsafeCodeItem(code, codePath, planter, Places.UnsafeCode);
        (code, codePath) = planter.Sequence(ds, top, new DicomTag(0x00081032), Places.UnsafeCode);
        SafeCodeItem(code, codePath, planter);
        var (issuer, issuerPath) = planter.Sequence(ds, top, new DicomTag(0x00080051), Places.UnsafeCode);
        planter.Plant(issuer, issuerPath, new DicomTag(0x00400031), DicomVR.UT, Places.UnsafeCode);
        planter.Plant(issuer, issuerPath, new DicomTag(0x00400032), DicomVR.UT, Places.UnsafeCode);
    }

    /// <summary>A person: code with an employee number, address, phone, institution (X/D and D sequences keep these nested).</summary>
    private static void PersonIdentification(DicomDataset item, List<PathStep> path, Planter planter)
    {
        var (code, codePath) = planter.Sequence(item, path, new DicomTag(0x00401101), Places.PersonIdentification);
        UnsafeCodeItem(code, codePath, planter, Places.PersonIdentification);
        foreach (var (tag, vr) in new (uint, DicomVR)[] { (0x00401102, DicomVR.ST), (0x00401103, DicomVR.LO), (0x00401104, DicomVR.UT), (0x00080080, DicomVR.LO), (0x00081040, DicomVR.LO) })
        {
            planter.Plant(item, path, new DicomTag(tag), vr, Places.PersonIdentification);
        }

        var (institution, institutionPath) = planter.Sequence(item, path, new DicomTag(0x00080082), Places.PersonIdentification);
        UnsafeCodeItem(institution, institutionPath, planter, Places.PersonIdentification);
    }

    private static void Private(DicomDataset ds, List<PathStep> top, Planter planter)
    {
        // A block with an allowlisted numeric element (kept under Retain Safe Private) and elements that are not.
        const string Ge = "GEMS_ACQU_01";
        planter.PlantText(ds, top, new DicomTag(0x00190010), DicomVR.LO, Ge, null, Places.SafePrivate, Ge);
        planter.PlantText(ds, top, new DicomTag(0x00191023), DicomVR.DS, "39.375", null, Places.SafePrivate, Ge);
        planter.Plant(ds, top, new DicomTag(0x00191050), DicomVR.LO, Places.Private, Ge);
        planter.Plant(ds, top, new DicomTag(0x00191051), DicomVR.OB, Places.Private, Ge);

        // A hospital's block: its creator names the hospital; a private sequence three deep holds an MRN.
        string hospital = planter.Token();
        string creator = hospital + " PACS";
        planter.PlantText(ds, top, new DicomTag(0x00290010), DicomVR.LO, creator, hospital, Places.Private, creator);
        var (item, path) = planter.Sequence(ds, top, new DicomTag(0x00291001), Places.Private, creator);
        planter.PlantText(item, path, new DicomTag(0x00290010), DicomVR.LO, creator, hospital, Places.Private, creator);
        (item, path) = planter.Sequence(item, path, new DicomTag(0x00291002), Places.Private, creator);
        planter.PlantText(item, path, new DicomTag(0x00290010), DicomVR.LO, creator, hospital, Places.Private, creator);
        planter.Plant(item, path, new DicomTag(0x00291003), DicomVR.LO, Places.Private, creator);
        planter.Plant(item, path, new DicomTag(0x00291004), DicomVR.PN, Places.Private, creator);
        planter.Plant(item, path, new DicomTag(0x00291005), DicomVR.UN, Places.Private, creator);
    }

    /// <summary>A private block with one value of every VR (a vendor's free-for-all), planted three levels deep.</summary>
    private static void EveryVR(DicomDataset item, List<PathStep> path, Planter planter)
    {
        const string Vendor = "ZQ EVERY VR";
        planter.PlantText(item, path, new DicomTag(0x00450010), DicomVR.LO, Vendor, null, Places.Private, Vendor);
        ushort element = 0x1001;
        foreach (var vr in Enum.GetValues<DicomVR>().Where(v => v is not DicomVR.None and not DicomVR.SQ))
        {
            planter.Plant(item, path, new DicomTag(0x0045, element++), vr, Places.Private, Vendor);
        }
    }

    private static void Group0016AndUn(DicomDataset ds, Planter planter)
    {
        // Inside a kept sequence: a MakerNote read as UN, a private block, text and a data set inside defined-length UN.
        var (item, path) = planter.Sequence(ds, [], new DicomTag(0x0018A001), Places.Group0016);
        planter.Put(item, path, new DicomTag(0x0016002B), DicomVR.UN, Text("EXIF MakerNote owner " + planter.Token(), out string n1), n1, Places.Group0016);
        planter.Put(item, path, new DicomTag(0x0016004B), DicomVR.UN, Text("settings " + planter.Token(), out string n2), n2, Places.Group0016);
        planter.PlantText(item, path, new DicomTag(0x00110010), DicomVR.LO, "ZQ VENDOR X", null, Places.Private, "ZQ VENDOR X");
        planter.Plant(item, path, new DicomTag(0x00111001), DicomVR.LO, Places.Private, "ZQ VENDOR X");
        planter.Put(item, path, new DicomTag(0x00111002), DicomVR.UN, Text("private text " + planter.Token(), out string n3), n3, Places.UnText, "ZQ VENDOR X");

        // A text attribute (Text Value) and an attribute the dictionary does not know, both written as UN.
        planter.Put(item, path, new DicomTag(0x0040A160), DicomVR.UN, Text("CHEST " + planter.Token(), out string n4), n4, Places.UnText);
        planter.Put(item, path, new DicomTag(0x00400F10), DicomVR.UN, Text("unknown " + planter.Token(), out string n5), n5, Places.UnText);

        // Data sets inside defined-length UN: a known sequence (Procedure Code Sequence) and an unknown tag.
        planter.Put(item, path, new DicomTag(0x00081032), DicomVR.UN, UnItem(planter, out string n6), n6, Places.UnSequence);
        planter.Put(item, path, new DicomTag(0x00400F12), DicomVR.UN, UnItem(planter, out string n7), n7, Places.UnSequence);
    }

    /// <summary>Text bytes (even length) with the last word as the needle.</summary>
    private static byte[] Text(string text, out string needle)
    {
        needle = text[(text.LastIndexOf(' ') + 1)..];
        return DicomValueParser.Pad(Encoding.ASCII.GetBytes(text), DicomVR.LO);
    }

    /// <summary>One item, implicit VR little endian with defined lengths (PS3.5 6.2.2), holding a Code Meaning with a name.</summary>
    private static byte[] UnItem(Planter planter, out string needle)
    {
        needle = planter.Token();
        byte[] value = DicomValueParser.Pad(Encoding.ASCII.GetBytes(needle + "^JOHANNA"), DicomVR.LO);
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        w.Write((ushort)0xFFFE);
        w.Write((ushort)0xE000);
        w.Write((uint)(8 + value.Length));
        w.Write((ushort)0x0008);
        w.Write((ushort)0x0104);
        w.Write((uint)value.Length);
        w.Write(value);
        w.Flush();
        return ms.ToArray();
    }

    private static void PlantMeta(DicomDataset meta, Planter planter)
    {
        foreach (uint tag in new uint[] { 0x00020016, 0x00020017, 0x00020018 })
        {
            var (bytes, needle) = planter.Make(new DicomTag(tag), DicomVR.AE);
            planter.PutMeta(meta, new DicomTag(tag), DicomVR.AE, bytes, needle);
        }

        var (uid, uidNeedle) = planter.Make(new DicomTag(0x00020100), DicomVR.UI);
        planter.PutMeta(meta, new DicomTag(0x00020100), DicomVR.UI, uid, uidNeedle);
        var (info, infoNeedle) = planter.Make(new DicomTag(0x00020102), DicomVR.OB);
        planter.PutMeta(meta, new DicomTag(0x00020102), DicomVR.OB, info, infoNeedle);
    }
}
