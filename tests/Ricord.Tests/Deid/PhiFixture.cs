using Ricord.Dicom;

namespace Ricord.Tests.Deid;

/// <summary>A CT data set with PHI planted in every location the engine must handle, and the planted strings.</summary>
internal static class PhiFixture
{
    public const string StudyUid = "1.2.826.0.1.3680043.999777.1.20200314";
    public const string SeriesUid = "1.2.826.0.1.3680043.999777.2.20200314";
    public const string FrameOfReferenceUid = "1.2.826.0.1.3680043.999777.4.555";
    public const string OtherSeriesUid = "1.2.826.0.1.3680043.999777.2.777";
    public const string PatientUidInReference = "1.2.826.0.1.3680043.999777.9.1";
    public const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";

    /// <summary>Location → planted text. Each must be absent from the written bytes after de-identification.</summary>
    public static readonly (string Location, string Planted)[] Locations =
    [
        ("PatientName", "ZQXWALSH"),
        ("PatientName given", "MARGARETHA"),
        ("PatientID", "MRN7730041"),
        ("OtherPatientIDsSequence item", "OPID5529913"),
        ("OtherPatientNames Latin-1", "Wälshmüller"),
        ("PatientBirthDate", "19430517"),
        ("PatientAddress", "HOLLYBROOK"),
        ("PatientTelephoneNumbers", "555-0143-8872"),
        ("AccessionNumber", "ACC99017734"),
        ("InstitutionName", "QUILLON"),
        ("InstitutionAddress", "BRAMBLEWICK"),
        ("ReferringPhysicianName", "KORVALD"),
        ("PerformingPhysicianName", "ANDRIESSE"),
        ("OperatorsName", "VELTMAN"),
        ("StudyDescription free text", "TRUUSKE"),
        ("SeriesDescription free text", "OOSTERHUIS"),
        ("ImageComments", "HENRIKJE"),
        ("AdditionalPatientHistory", "DAUGHTERNAME"),
        ("RequestAttributesSequence RequestedProcedureID", "RPID44120987"),
        ("RequestAttributesSequence AccessionNumber", "ACC55500011"),
        ("ReferencedPatientSequence UID", PatientUidInReference),
        ("Private SQ at depth 3", "PRIVMRN8813377"),
        ("Private unsafe element in safe creator block", "GEPRIVNAME"),
        ("Private creator of removed block", "ACME HOSPITAL PACS"),
        ("DeviceSerialNumber", "SNXK449021"),
        ("StationName", "CTSTATIONQ7"),
        ("StudyDate", "20200314"),
        ("ContentDate", "20200315"),
        ("AcquisitionDateTime", "20200314101530"),
        ("PerformedProcedureStepStartDate range", "20200310"),
        ("Date in SR content item at depth 2", "20200316"),
        ("Person name in content item", "SIGNERNAME"),
        ("StudyInstanceUID", StudyUid),
        ("SeriesInstanceUID", SeriesUid),
        ("FrameOfReferenceUID", FrameOfReferenceUid),
        ("ReferencedSeriesSequence SeriesInstanceUID", OtherSeriesUid),
        ("SOPInstanceUID", SopUid(1)),
        ("ReferencedImageSequence SOPInstanceUID", SopUid(2)),
        ("Overlay comments", "OVERLAYNOTE"),
        ("Curve data", "CURVEPHI"),
    ];

    public static string SopUid(int n) => $"1.2.826.0.1.3680043.999777.3.{n}";

    public static DicomDataset Build(int instance = 1, string mrn = "MRN7730041")
    {
        var ds = new DicomDataset();
        ds.SetString(T(0x00080005), DicomVR.CS, "ISO_IR 100");
        ds.SetString(T(0x00080016), DicomVR.UI, CtImageStorage);
        ds.SetString(T(0x00080018), DicomVR.UI, SopUid(instance));
        ds.SetString(T(0x00080020), DicomVR.DA, "20200314");
        ds.SetString(T(0x00080023), DicomVR.DA, "20200315");
        ds.SetString(T(0x0008002A), DicomVR.DT, "20200314101530.123456-0500");
        ds.SetString(T(0x00080030), DicomVR.TM, "101530.12");
        ds.SetString(T(0x00080050), DicomVR.SH, "ACC99017734");
        ds.SetString(T(0x00080060), DicomVR.CS, "CT");
        ds.SetString(T(0x00080070), DicomVR.LO, "GE MEDICAL SYSTEMS");
        ds.SetString(T(0x00080080), DicomVR.LO, "SAINT QUILLON HOSPITAL");
        ds.SetString(T(0x00080081), DicomVR.ST, "17 BRAMBLEWICK AVENUE");
        ds.SetString(T(0x00080090), DicomVR.PN, "KORVALD^PIETER");
        ds.SetString(T(0x00081010), DicomVR.SH, "CTSTATIONQ7");
        ds.SetString(T(0x00081030), DicomVR.LO, "CT CHEST WITHOUT CONTRAST FOR TRUUSKE 12345678");
        ds.SetString(T(0x0008103E), DicomVR.LO, "AXIAL LUNG 1.25MM OOSTERHUIS");
        ds.SetString(T(0x00081050), DicomVR.PN, "ANDRIESSE^JAN");
        ds.SetString(T(0x00081070), DicomVR.PN, "VELTMAN^KEES");
        ds.SetSequence(T(0x00081115), new DicomDataset().SetString(T(0x0020000E), DicomVR.UI, OtherSeriesUid));
        ds.SetSequence(T(0x00081120), new DicomDataset()
            .SetString(T(0x00081150), DicomVR.UI, "1.2.840.10008.3.1.2.1.1")
            .SetString(T(0x00081155), DicomVR.UI, PatientUidInReference));
        ds.SetSequence(T(0x00081140), new DicomDataset()
            .SetString(T(0x00081150), DicomVR.UI, CtImageStorage)
            .SetString(T(0x00081155), DicomVR.UI, SopUid(instance == 1 ? 2 : 1)));
        ds.SetString(T(0x00100010), DicomVR.PN, "ZQXWALSH^MARGARETHA");
        ds.SetString(T(0x00100020), DicomVR.LO, mrn);
        ds.SetString(T(0x00100030), DicomVR.DA, "19430517");
        ds.SetString(T(0x00100040), DicomVR.CS, "F");
        ds.SetString(T(0x00101001), DicomVR.PN, "Wälshmüller^Grete");
        ds.SetSequence(T(0x00101002), new DicomDataset()
            .SetString(T(0x00100020), DicomVR.LO, "OPID5529913")
            .SetString(T(0x00100022), DicomVR.CS, "TEXT"));
        ds.SetString(T(0x00101010), DicomVR.AS, "045Y");
        ds.SetString(T(0x00101020), DicomVR.DS, "1.62");
        ds.SetString(T(0x00101030), DicomVR.DS, "58.5");
        ds.SetString(T(0x00101040), DicomVR.LO, "42 HOLLYBROOK LANE");
        ds.SetString(T(0x00102154), DicomVR.SH, "555-0143-8872");
        ds.SetString(T(0x001021B0), DicomVR.LT, "Lives with DAUGHTERNAME since 2019");
        ds.SetString(T(0x00181000), DicomVR.LO, "SNXK449021");
        ds.SetString(T(0x00181030), DicomVR.LO, "CHEST ROUTINE");
        ds.SetString(T(0x0020000D), DicomVR.UI, StudyUid);
        ds.SetString(T(0x0020000E), DicomVR.UI, SeriesUid);
        ds.SetString(T(0x00200052), DicomVR.UI, FrameOfReferenceUid);
        ds.SetString(T(0x00204000), DicomVR.LT, "called HENRIKJE at 5550143");
        ds.SetString(T(0x00280301), DicomVR.CS, "NO");
        ds.SetString(T(0x00400244), DicomVR.DA, "20200310-20200314");
        ds.SetSequence(T(0x00400275), new DicomDataset()
            .SetString(T(0x00080050), DicomVR.SH, "ACC55500011")
            .SetString(T(0x00401001), DicomVR.SH, "RPID44120987"));
        ds.SetSequence(T(0x0040A730), new DicomDataset()
            .SetString(T(0x0040A040), DicomVR.CS, "CONTAINER")
            .SetSequence(T(0x0040A730), new DicomDataset()
                .SetString(T(0x0040A040), DicomVR.CS, "DATE")
                .SetString(T(0x0040A121), DicomVR.DA, "20200316")
                .SetString(T(0x0040A123), DicomVR.PN, "SIGNERNAME^ANNA")));

        // Safe-private block: one allowlisted numeric element, one element that is not allowlisted.
        ds.SetString(T(0x00190010), DicomVR.LO, "GEMS_ACQU_01");
        ds.SetString(T(0x00191023), DicomVR.DS, "39.375");
        ds.SetString(T(0x00191050), DicomVR.LO, "GEPRIVNAME");

        // Private sequence holding an MRN at depth 3.
        ds.SetString(T(0x00290010), DicomVR.LO, "ACME HOSPITAL PACS");
        var depth3 = new DicomDataset().SetString(T(0x00290010), DicomVR.LO, "ACME HOSPITAL PACS").SetString(T(0x00291003), DicomVR.LO, "PRIVMRN8813377");
        var depth2 = new DicomDataset().SetString(T(0x00290010), DicomVR.LO, "ACME HOSPITAL PACS").SetSequence(T(0x00291002), depth3);
        ds.SetSequence(T(0x00291001), depth2);

        // Curve and overlay (retired and repeating groups).
        ds.SetString(T(0x50000000 | 0x2500), DicomVR.LO, "CURVEPHI");
        ds.SetUInt16(T(0x60000010), 4);
        ds.SetUInt16(T(0x60000011), 4);
        ds.SetString(T(0x60004000), DicomVR.LT, "OVERLAYNOTE");
        ds.SetBytes(T(0x60003000), DicomVR.OW, new byte[2]);
        ds.SetUInt16(T(0x00280010), 2);
        ds.SetUInt16(T(0x00280011), 2);
        ds.SetBytes(T(0x7FE00010), DicomVR.OW, new byte[8]);
        return ds;
    }

    public static DicomTag T(uint value) => new(value);
}
