using Ricord.Dicom;

namespace Ricord.DeidScore;

/// <summary>A typical CT slice as a scanner writes it: patient, study, series, equipment and image modules, two
/// reference sequences, a GE private block, and 512×512 16-bit pixel data. The same every run.</summary>
internal static class TypicalCt
{
    public static DicomDataset Build()
    {
        var ds = new DicomDataset();
        void S(uint tag, DicomVR vr, string value) => ds.SetString(new DicomTag(tag), vr, value);
        S(0x00080005, DicomVR.CS, "ISO_IR 100");
        S(0x00080008, DicomVR.CS, "ORIGINAL\\PRIMARY\\AXIAL");
        S(0x00080016, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.2");
        S(0x00080018, DicomVR.UI, "1.2.826.0.1.3680043.10.1137.99.3.1");
        S(0x00080020, DicomVR.DA, "20200314");
        S(0x00080021, DicomVR.DA, "20200314");
        S(0x00080022, DicomVR.DA, "20200314");
        S(0x00080023, DicomVR.DA, "20200314");
        S(0x00080030, DicomVR.TM, "101530");
        S(0x00080031, DicomVR.TM, "101602");
        S(0x00080032, DicomVR.TM, "101605.25");
        S(0x00080033, DicomVR.TM, "101605.25");
        S(0x00080050, DicomVR.SH, "ACC99017734");
        S(0x00080060, DicomVR.CS, "CT");
        S(0x00080070, DicomVR.LO, "GE MEDICAL SYSTEMS");
        S(0x00080080, DicomVR.LO, "SAINT QUILLON HOSPITAL");
        S(0x00080090, DicomVR.PN, "KORVALD^PIETER");
        S(0x00081010, DicomVR.SH, "CTSTATION7");
        S(0x00081030, DicomVR.LO, "CT CHEST WITHOUT CONTRAST");
        S(0x0008103E, DicomVR.LO, "AXIAL LUNG 1.25MM");
        S(0x00081090, DicomVR.LO, "Revolution CT");
        ds.SetSequence(new DicomTag(0x00081140), new DicomDataset()
            .SetString(new DicomTag(0x00081150), DicomVR.UI, "1.2.840.10008.5.1.4.1.1.2")
            .SetString(new DicomTag(0x00081155), DicomVR.UI, "1.2.826.0.1.3680043.10.1137.99.3.2"));
        S(0x00100010, DicomVR.PN, "WALSH^MARGARETHA");
        S(0x00100020, DicomVR.LO, "MRN7730041");
        S(0x00100030, DicomVR.DA, "19430517");
        S(0x00100040, DicomVR.CS, "F");
        S(0x00101010, DicomVR.AS, "077Y");
        S(0x00180015, DicomVR.CS, "CHEST");
        S(0x00180050, DicomVR.DS, "1.25");
        S(0x00180060, DicomVR.DS, "120");
        S(0x00181000, DicomVR.LO, "SN449021");
        S(0x00181020, DicomVR.LO, "rev 2.1");
        S(0x00181030, DicomVR.LO, "CHEST ROUTINE");
        S(0x00181150, DicomVR.IS, "700");
        S(0x00181151, DicomVR.IS, "250");
        S(0x00181210, DicomVR.SH, "LUNG");
        S(0x00185100, DicomVR.CS, "HFS");
        S(0x0020000D, DicomVR.UI, "1.2.826.0.1.3680043.10.1137.99.1");
        S(0x0020000E, DicomVR.UI, "1.2.826.0.1.3680043.10.1137.99.2");
        S(0x00200010, DicomVR.SH, "4471");
        S(0x00200011, DicomVR.IS, "3");
        S(0x00200013, DicomVR.IS, "42");
        S(0x00200032, DicomVR.DS, "-175.5\\-180.2\\-52.75");
        S(0x00200037, DicomVR.DS, "1\\0\\0\\0\\1\\0");
        S(0x00200052, DicomVR.UI, "1.2.826.0.1.3680043.10.1137.99.4");
        S(0x00201041, DicomVR.DS, "-52.75");
        ds.SetUInt16(new DicomTag(0x00280002), 1);
        S(0x00280004, DicomVR.CS, "MONOCHROME2");
        ds.SetUInt16(new DicomTag(0x00280010), 512);
        ds.SetUInt16(new DicomTag(0x00280011), 512);
        S(0x00280030, DicomVR.DS, "0.703125\\0.703125");
        ds.SetUInt16(new DicomTag(0x00280100), 16);
        ds.SetUInt16(new DicomTag(0x00280101), 16);
        ds.SetUInt16(new DicomTag(0x00280102), 15);
        ds.SetUInt16(new DicomTag(0x00280103), 1);
        S(0x00281050, DicomVR.DS, "-600");
        S(0x00281051, DicomVR.DS, "1500");
        S(0x00281052, DicomVR.DS, "-1024");
        S(0x00281053, DicomVR.DS, "1");
        S(0x00190010, DicomVR.LO, "GEMS_ACQU_01");
        S(0x00191023, DicomVR.DS, "39.375");
        S(0x00191050, DicomVR.LO, "GE private free text");
        S(0x00430010, DicomVR.LO, "GEMS_PARM_01");
        S(0x00431027, DicomVR.SH, "/1.0:1");
        ds.SetBytes(new DicomTag(0x7FE00010), DicomVR.OW, new byte[512 * 512 * 2]);
        return ds;
    }
}
