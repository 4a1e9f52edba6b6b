namespace Ricord.Deid;

/// <summary>The built-in strict allowlist profile, and lookup of built-in profiles by name.</summary>
public sealed partial record DeidProfile
{
    /// <summary>
    /// What a cautious data-protection officer asks for: only attributes of the image-relevant modules that are safe
    /// by definition are kept — pixel description, geometry, modality LUT and window, acquisition parameters —
    /// with every UID remapped. Everything else goes: dates and times, device and institution identity, patient
    /// characteristics (age, sex, size), descriptions, every private element. See docs/deid.md for the list.
    /// </summary>
    public static DeidProfile Strict { get; } = new()
    {
        Name = "STRICT",
        Description = "Allowlist: only image-relevant attributes that are safe by definition (pixel description, geometry, acquisition parameters); everything else removed.",
        Options = [],
        KeepOnly =
        [
            // SOP Common, study, series and frame of reference: identity as remapped UIDs only.
            "(0008,0005)", "(0008,0016)", "(0008,0018)", "(0020,000D)", "(0020,000E)", "(0020,0052)",
            // General series and image: what the image is, never who or when.
            "(0008,0060)", "(0020,0011)", "(0020,0060)", "(0018,0015)", "(0018,5100)", "(0008,0008)", "(0020,0013)",
            "(0020,0012)", "(0020,0020)", "(0028,0301)", "(0028,2110)", "(0028,2112)", "(0028,2114)", "(2050,0020)",
            "(0008,0068)",
            // Image plane: geometry.
            "(0028,0030)", "(0020,0037)", "(0020,0032)", "(0018,0050)", "(0018,0088)", "(0020,1041)",
            // Image pixel: the pixel description and the pixels.
            "(0028,0002)", "(0028,0004)", "(0028,0006)", "(0028,0008)", "(0028,0009)", "(0028,0010)", "(0028,0011)",
            "(0028,0034)", "(0028,0100)", "(0028,0101)", "(0028,0102)", "(0028,0103)", "(0028,0106)", "(0028,0107)",
            "(0028,0120)", "(0028,0121)", "(0028,1101)", "(0028,1102)", "(0028,1103)", "(0028,1201)", "(0028,1202)",
            "(0028,1203)", "(7FE0,0010)", "(0028,1040)", "(0028,1041)",
            // Modality and VOI LUT.
            "(0028,1050)", "(0028,1051)", "(0028,1052)", "(0028,1053)", "(0028,1054)", "(0028,1056)",
            // CT acquisition and reconstruction parameters.
            "(0018,0060)", "(0018,0090)", "(0018,1100)", "(0018,1110)", "(0018,1111)", "(0018,1120)", "(0018,1130)",
            "(0018,1140)", "(0018,1150)", "(0018,1151)", "(0018,1152)", "(0018,1160)", "(0018,1170)", "(0018,1190)",
            "(0018,1210)", "(0018,0022)", "(0018,9302)", "(0018,9305)", "(0018,9306)", "(0018,9307)", "(0018,9309)",
            "(0018,9310)", "(0018,9311)", "(0018,9323)", "(0018,9345)",
            // Projection radiography parameters.
            "(0018,1164)", "(0018,5101)", "(0018,1114)", "(0018,1166)", "(0018,11A0)", "(0018,6000)", "(0018,1405)",
            "(0018,1411)", "(0018,1412)", "(0018,1413)",
            // Enhanced multi-frame geometry.
            "(5200,9229)", "(5200,9230)", "(0028,9110)", "(0020,9113)", "(0020,9116)", "(0028,9145)", "(0028,9132)",
        ],
        UidRoot = "2.25",
        DateShift = DateShiftRange.Default,
    };

    /// <summary>The built-in profile called <paramref name="name"/> ("ricord", "strict"; any case), or null.</summary>
    public static DeidProfile? Builtin(string name) => name.Trim().ToUpperInvariant() switch
    {
        "RICORD" => Ricord,
        "STRICT" => Strict,
        _ => null,
    };

    /// <summary>A built-in profile's name, or the path of a profile JSON file.</summary>
    public static DeidProfile Resolve(string nameOrPath) => Builtin(nameOrPath) ?? Load(nameOrPath);
}
