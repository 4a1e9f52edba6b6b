namespace Ricord.Dicom;

/// <summary>Encoding facts about each VR (PS3.5 6.2, 7.1.2).</summary>
public static class DicomVRInfo
{
    /// <summary>The VR whose two-letter code is <paramref name="b0"/><paramref name="b1"/>, or <see cref="DicomVR.None"/>.</summary>
    public static DicomVR FromBytes(byte b0, byte b1)
    {
        var vr = (DicomVR)((b0 << 8) | b1);
        return IsKnown(vr) ? vr : DicomVR.None;
    }

    public static bool TryParse(ReadOnlySpan<char> code, out DicomVR vr)
    {
        vr = DicomVR.None;
        if (code.Length != 2 || code[0] > 0x7F || code[1] > 0x7F)
        {
            return false;
        }

        vr = FromBytes((byte)code[0], (byte)code[1]);
        return vr != DicomVR.None;
    }

    public static bool IsKnown(DicomVR vr) => vr switch
    {
        DicomVR.AE or DicomVR.AS or DicomVR.AT or DicomVR.CS or DicomVR.DA or DicomVR.DS or DicomVR.DT or DicomVR.FD
            or DicomVR.FL or DicomVR.IS or DicomVR.LO or DicomVR.LT or DicomVR.OB or DicomVR.OD or DicomVR.OF
            or DicomVR.OL or DicomVR.OV or DicomVR.OW or DicomVR.PN or DicomVR.SH or DicomVR.SL or DicomVR.SQ
            or DicomVR.SS or DicomVR.ST or DicomVR.SV or DicomVR.TM or DicomVR.UC or DicomVR.UI or DicomVR.UL
            or DicomVR.UN or DicomVR.UR or DicomVR.US or DicomVR.UT or DicomVR.UV => true,
        _ => false,
    };

    /// <summary>In explicit VR, these VRs have 2 reserved bytes and a 32-bit length (PS3.5 Table 7.1-1).</summary>
    public static bool HasLongLength(DicomVR vr) => vr is DicomVR.OB or DicomVR.OD or DicomVR.OF or DicomVR.OL
        or DicomVR.OV or DicomVR.OW or DicomVR.SQ or DicomVR.SV or DicomVR.UC or DicomVR.UR or DicomVR.UT
        or DicomVR.UN or DicomVR.UV;

    /// <summary>Size of one binary value for byte swapping; 1 for strings and bytes.</summary>
    public static int UnitSize(DicomVR vr) => vr switch
    {
        DicomVR.US or DicomVR.SS or DicomVR.OW or DicomVR.AT => 2,
        DicomVR.UL or DicomVR.SL or DicomVR.FL or DicomVR.OF or DicomVR.OL => 4,
        DicomVR.FD or DicomVR.OD or DicomVR.SV or DicomVR.UV or DicomVR.OV => 8,
        _ => 1,
    };

    /// <summary>Character-string VRs (values are text, backslash-separated where VM &gt; 1).</summary>
    public static bool IsString(DicomVR vr) => vr is DicomVR.AE or DicomVR.AS or DicomVR.CS or DicomVR.DA
        or DicomVR.DS or DicomVR.DT or DicomVR.IS or DicomVR.LO or DicomVR.LT or DicomVR.PN or DicomVR.SH
        or DicomVR.ST or DicomVR.TM or DicomVR.UC or DicomVR.UI or DicomVR.UR or DicomVR.UT;

    /// <summary>Text VRs affected by Specific Character Set (PS3.5 6.1.2.3); the rest use the default repertoire.</summary>
    public static bool UsesSpecificCharacterSet(DicomVR vr) => vr is DicomVR.SH or DicomVR.LO or DicomVR.ST
        or DicomVR.LT or DicomVR.PN or DicomVR.UC or DicomVR.UT;

    /// <summary>Single-valued text VRs where the backslash is an ordinary character.</summary>
    public static bool IsSingleValuedText(DicomVR vr) => vr is DicomVR.LT or DicomVR.ST or DicomVR.UT or DicomVR.UR;

    /// <summary>Padding byte for odd-length values: NUL for UI and binary, space for text.</summary>
    public static byte PaddingByte(DicomVR vr) => IsString(vr) && vr != DicomVR.UI ? (byte)' ' : (byte)0;

    /// <summary>Binary numeric VRs (values are little-endian numbers in memory).</summary>
    public static bool IsBinaryNumber(DicomVR vr) => vr is DicomVR.US or DicomVR.SS or DicomVR.UL or DicomVR.SL
        or DicomVR.FL or DicomVR.FD or DicomVR.SV or DicomVR.UV or DicomVR.AT;

    /// <summary>Maximum length in characters/bytes of one value (PS3.5 Table 6.2-1); 0 where unbounded.</summary>
    public static int MaxLength(DicomVR vr) => vr switch
    {
        DicomVR.AE => 16,
        DicomVR.AS => 4,
        DicomVR.CS => 16,
        DicomVR.DA => 8,
        DicomVR.DS => 16,
        DicomVR.DT => 26,
        DicomVR.IS => 12,
        DicomVR.LO => 64,
        DicomVR.LT => 10240,
        DicomVR.PN => 64,
        DicomVR.SH => 16,
        DicomVR.ST => 1024,
        DicomVR.TM => 14,
        DicomVR.UI => 64,
        _ => 0,
    };

    public static string Code(DicomVR vr) => vr == DicomVR.None ? "??" : string.Create(2, (ushort)vr, static (s, v) =>
    {
        s[0] = (char)(v >> 8);
        s[1] = (char)(v & 0xFF);
    });
}
