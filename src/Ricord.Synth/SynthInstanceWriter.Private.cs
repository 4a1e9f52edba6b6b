using Ricord.Dicom;

namespace Ricord.Synth;

internal static partial class SynthInstanceWriter
{
    /// <summary>
    /// Vendor-style private blocks. Creator strings imitate the vendors' habits without reusing their
    /// registered names (so no private dictionary disagrees with our VRs), except the Siemens CSA header
    /// whose two OB elements match the well-known layout. Each block nests a private sequence holding the MRN.
    /// </summary>
    private static void AddPrivate(DicomDataset ds, PatientPlan p, StudyPlan s, List<(string Kind, string Value)>? phi)
    {
        switch (p.Site.Style)
        {
            case SynthVendorStyle.GeLike:
                Block(ds, 0x0009, "GEMS_SYNTH_IDEN_01", p, phi);
                ds.SetString(new DicomTag(0x00190010), DicomVR.LO, "GEMS_SYNTH_ACQU_01");
                ds.SetString(new DicomTag(0x0019100F), DicomVR.LO, "CHEST HELICAL");
                ds.SetString(new DicomTag(0x00430010), DicomVR.LO, "GEMS_SYNTH_PARM_01");
                ds.SetString(new DicomTag(0x00431001), DicomVR.LO, s.Station);
                break;
            case SynthVendorStyle.SiemensLike:
                ds.SetString(new DicomTag(0x00290010), DicomVR.LO, "SIEMENS CSA HEADER");
                ds.SetString(new DicomTag(0x00291008), DicomVR.CS, "IMAGE NUM 4");
                ds.SetString(new DicomTag(0x00291009), DicomVR.LO, "20201231");
                byte[] csa = [.. "SV10\u0004\u0003\u0002\u0001"u8, .. p.Site.Encoding.GetBytes($"PatientName={p.Name};PatientID={p.Mrn};")];
                ds.SetBytes(new DicomTag(0x00291010), DicomVR.OB, Pad(csa));
                Block(ds, 0x0019, "SIEMENS MED SYNTH", p, phi);
                break;
            case SynthVendorStyle.PhilipsLike:
                Block(ds, 0x2001, "PHILIPS SYNTH DD 001", p, phi);
                break;
            default:
                Block(ds, 0x0019, "AGFA SYNTH", p, phi);
                break;
        }
    }

    private static void Block(DicomDataset ds, ushort group, string creator, PatientPlan p, List<(string Kind, string Value)>? phi)
    {
        uint g = (uint)group << 16;
        ds.SetString(new DicomTag(g | 0x0010), DicomVR.LO, creator);
        ds.SetString(new DicomTag(g | 0x1001), DicomVR.LO, "SYNTH PRIVATE 1");
        var item = new DicomDataset();
        ds.SetSequence(new DicomTag(g | 0x1002), item);
        item.SetString(new DicomTag(g | 0x0010), DicomVR.LO, creator);
        item.SetString(new DicomTag(g | 0x1003), DicomVR.LO, p.Mrn);
        item.SetString(new DicomTag(g | 0x1004), DicomVR.PN, p.Name);
        phi?.Add(("PrivatePatientID", p.Mrn));
        phi?.Add(("PrivatePatientName", p.Name));
    }

    private static byte[] Pad(byte[] b) => b.Length % 2 == 0 ? b : [.. b, 0];

    private static string Ascii(string s) => AsciiFold.Fold(s, '?');
}
