using Ricord.Dicom;

namespace Ricord.DeidScoring;

/// <summary>Places inside sequences: SR content, steps, requests, original attributes, icons, overlays, curves, signatures.</summary>
public static partial class PhiCorpusGenerator
{
    private static readonly DicomTag ContentSequence = new(0x0040A730);
    private static readonly DicomTag ValueType = new(0x0040A040);

    /// <summary>SR content three levels deep: text, a person, a date-time, a UID, concept names from a local scheme.</summary>
    private static void SrContent(DicomDataset ds, Planter planter)
    {
        var (item, path) = planter.Sequence(ds, [], ContentSequence, Places.SrContent);
        for (int depth = 1; depth <= 3; depth++)
        {
            item.SetString(ValueType, DicomVR.CS, depth == 3 ? "PNAME" : "TEXT");
            var (concept, conceptPath) = planter.Sequence(item, path, new DicomTag(0x0040A043), Places.SrContent);
            UnsafeCodeItem(concept, conceptPath, planter, Places.SrContent);
            planter.Plant(item, path, new DicomTag(0x0040A160), DicomVR.UT, Places.SrContent);
            planter.Plant(item, path, new DicomTag(0x0040A123), DicomVR.PN, Places.SrContent);
            planter.Plant(item, path, new DicomTag(0x0040A120), DicomVR.DT, Places.SrContent);
            planter.Plant(item, path, new DicomTag(0x0040A124), DicomVR.UI, Places.SrContent);
            planter.Plant(item, path, new DicomTag(0x0040A075), DicomVR.PN, Places.SrContent);
            if (depth < 3)
            {
                (item, path) = planter.Sequence(item, path, ContentSequence, Places.SrContent);
            }
        }
    }

    /// <summary>Free-text comments and descriptions on scheduled and performed steps, down to depth 3.</summary>
    private static void StepComments(DicomDataset ds, Planter planter)
    {
        foreach (uint step in new uint[] { 0x00400100, 0x00400270 })
        {
            var (item, path) = planter.Sequence(ds, [], new DicomTag(step), Places.StepComment);
            planter.Plant(item, path, new DicomTag(0x00400400), DicomVR.LT, Places.StepComment);
            planter.Plant(item, path, new DicomTag(0x00400280), DicomVR.ST, Places.StepComment);
            planter.Plant(item, path, new DicomTag(0x00400007), DicomVR.LO, Places.StepComment);
            planter.Plant(item, path, new DicomTag(0x00400009), DicomVR.SH, Places.StepComment);
            var (protocol, protocolPath) = planter.Sequence(item, path, new DicomTag(0x00400008), Places.StepComment);
            SafeCodeItem(protocol, protocolPath, planter);
            var (context, contextPath) = planter.Sequence(protocol, protocolPath, new DicomTag(0x00400440), Places.StepComment);
            context.SetString(ValueType, DicomVR.CS, "TEXT");
            planter.Plant(context, contextPath, new DicomTag(0x0040A160), DicomVR.UT, Places.StepComment);
            planter.Plant(context, contextPath, new DicomTag(0x00400400), DicomVR.LT, Places.StepComment);
            planter.Plant(context, contextPath, new DicomTag(0x00404001), DicomVR.CS, Places.StepComment);
        }
    }

    /// <summary>Request Attributes Sequence: copies of the accession number, request and step IDs, codes, reasons.</summary>
    private static void RequestAttributes(DicomDataset ds, Planter planter)
    {
        var (item, path) = planter.Sequence(ds, [], new DicomTag(0x00400275), Places.Request);
        foreach (var (tag, vr) in new (uint, DicomVR)[]
                 {
                     (0x00080050, DicomVR.SH), (0x00401001, DicomVR.SH), (0x00400009, DicomVR.SH), (0x00200010, DicomVR.SH),
                     (0x00321060, DicomVR.LO), (0x00401002, DicomVR.LO), (0x00400007, DicomVR.LO), (0x00181000, DicomVR.LO),
                 })
        {
            planter.Plant(item, path, new DicomTag(tag), vr, Places.Request);
        }

        var (code, codePath) = planter.Sequence(item, path, new DicomTag(0x00321064), Places.Request);
        UnsafeCodeItem(code, codePath, planter, Places.Request);
        var (reason, reasonPath) = planter.Sequence(code, codePath, new DicomTag(0x0040100A), Places.Request);
        UnsafeCodeItem(reason, reasonPath, planter, Places.Request);
    }

    /// <summary>Original, Modified and Encrypted Attributes Sequences: the old values themselves.</summary>
    private static void OriginalAttributes(DicomDataset ds, Planter planter)
    {
        var (item, path) = planter.Sequence(ds, [], new DicomTag(0x04000561), Places.OriginalAttributes);
        planter.Plant(item, path, new DicomTag(0x04000563), DicomVR.LO, Places.OriginalAttributes);
        planter.Plant(item, path, new DicomTag(0x04000564), DicomVR.LO, Places.OriginalAttributes);
        var (modified, modifiedPath) = planter.Sequence(item, path, new DicomTag(0x04000550), Places.OriginalAttributes);
        planter.Plant(modified, modifiedPath, new DicomTag(0x00100010), DicomVR.PN, Places.OriginalAttributes);
        planter.Plant(modified, modifiedPath, new DicomTag(0x00100020), DicomVR.LO, Places.OriginalAttributes);
        var (encrypted, encryptedPath) = planter.Sequence(ds, [], new DicomTag(0x04000500), Places.OriginalAttributes);
        planter.PlantText(encrypted, encryptedPath, new DicomTag(0x04000510), DicomVR.UI, "1.2.840.10008.1.2.1", null, Places.OriginalAttributes);
        planter.Plant(encrypted, encryptedPath, new DicomTag(0x04000520), DicomVR.OB, Places.OriginalAttributes);
    }

    private static void IconOverlayCurveSignature(DicomDataset ds, Planter planter)
    {
        // The icon is a picture: its pixels can carry burned-in text (here, a needle in the bytes).
        var (icon, iconPath) = planter.Sequence(ds, [], new DicomTag(0x00880200), Places.Icon);
        foreach (var (tag, value) in new (uint, ushort)[] { (0x00280002, 1), (0x00280010, 4), (0x00280011, 4), (0x00280100, 8), (0x00280101, 8), (0x00280102, 7), (0x00280103, 0) })
        {
            icon.SetUInt16(new DicomTag(tag), value);
        }

        icon.SetString(new DicomTag(0x00280004), DicomVR.CS, "MONOCHROME2");
        planter.Plant(icon, iconPath, new DicomTag(0x7FE00010), DicomVR.OB, Places.Icon);

        foreach (ushort group in new ushort[] { 0x6000, 0x6002 })
        {
            planter.Plant(ds, [], new DicomTag(group, 0x3000), DicomVR.OW, Places.OverlayCurve);
            planter.Plant(ds, [], new DicomTag(group, 0x4000), DicomVR.LT, Places.OverlayCurve);
            planter.Plant(ds, [], new DicomTag(group, 0x0022), DicomVR.LO, Places.OverlayCurve);
        }

        planter.Plant(ds, [], new DicomTag(0x50003000), DicomVR.OB, Places.OverlayCurve);
        planter.Plant(ds, [], new DicomTag(0x50002500), DicomVR.LO, Places.OverlayCurve);

        var (signature, signaturePath) = planter.Sequence(ds, [], new DicomTag(0xFFFAFFFA), Places.Signature);
        planter.Plant(signature, signaturePath, new DicomTag(0x04000115), DicomVR.OB, Places.Signature);
        planter.Plant(signature, signaturePath, new DicomTag(0x04000120), DicomVR.OB, Places.Signature);
        planter.Plant(signature, signaturePath, new DicomTag(0x04000100), DicomVR.UI, Places.Signature);
    }
}
