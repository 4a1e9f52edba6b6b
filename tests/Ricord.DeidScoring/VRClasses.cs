using Ricord.Dicom;

namespace Ricord.DeidScoring;

/// <summary>The <see cref="VRClass"/> of a VR, and the few VR facts the generator and the scorer share.</summary>
public static class VRClasses
{
    /// <summary>Timezone Offset From UTC (0008,0201) is SH, but Table E.1-1 treats it with the dates.</summary>
    public static readonly DicomTag TimezoneOffsetFromUtc = new(0x00080201);

    public static VRClass Of(DicomVR vr, DicomTag tag) => tag == TimezoneOffsetFromUtc ? VRClass.Date : vr switch
    {
        DicomVR.PN or DicomVR.AE or DicomVR.UR => VRClass.Name,
        DicomVR.SH or DicomVR.LO or DicomVR.ST or DicomVR.LT or DicomVR.UT or DicomVR.UC => VRClass.Text,
        DicomVR.DA or DicomVR.DT or DicomVR.TM => VRClass.Date,
        DicomVR.AS => VRClass.Age,
        DicomVR.UI => VRClass.Uid,
        DicomVR.OB or DicomVR.OW or DicomVR.OF or DicomVR.OD or DicomVR.OL or DicomVR.OV or DicomVR.UN => VRClass.Binary,
        DicomVR.SQ => VRClass.Sequence,
        _ => VRClass.Coded,
    };

    /// <summary>Whether values of <paramref name="vr"/> are character strings (padded with a space or NUL).</summary>
    public static bool IsString(DicomVR vr) => Of(vr, default) is VRClass.Name or VRClass.Text or VRClass.Date or VRClass.Age or VRClass.Uid
        || vr is DicomVR.CS or DicomVR.DS or DicomVR.IS;
}
