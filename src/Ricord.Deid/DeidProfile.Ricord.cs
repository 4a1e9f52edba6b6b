namespace Ricord.Deid;

/// <summary>The built-in RICORD profile.</summary>
public sealed partial record DeidProfile
{
    /// <summary>
    /// RICORD's profile: Basic + Retain Longitudinal Temporal Information with Modified Dates +
    /// Retain Patient Characteristics + Clean Descriptors + Retain Safe Private (a small allowlist of
    /// numeric acquisition parameters). Retain Device Identity is off: add "rtnDevIdOpt" to keep it.
    /// </summary>
    public static DeidProfile Ricord { get; } = new()
    {
        Name = "RICORD",
        Description = "PS3.15 Annex E Basic Profile with the options RICORD uses; dates shifted by one constant offset per patient.",
        Options =
        [
            DeidOption.RetainLongitudinalModifiedDates,
            DeidOption.RetainPatientCharacteristics,
            DeidOption.CleanDescriptors,
            DeidOption.RetainSafePrivate,
        ],
        SafePrivate =
        [
            // Numeric CT acquisition parameters (names as in dcmtk's private.dic); nothing free-text.
            new("GEMS_ACQU_01", "(0019,xx23)", "Table Speed"),
            new("GEMS_ACQU_01", "(0019,xx24)", "Mid Scan Time"),
            new("GEMS_ACQU_01", "(0019,xx27)", "Gantry Period"),
            new("GEMS_PARM_01", "(0043,xx27)", "Scan Pitch Ratio"),
            new("SIEMENS CT VA0  COAD", "(0019,xx22)", "Detector Spacing"),
            new("SIEMENS CT VA0  COAD", "(0019,xx23)", "Detector Center"),
            new("SIEMENS CT VA0  COAD", "(0019,xx24)", "Reading Integration Time"),
        ],
        UidRoot = "2.25",
        DateShift = DateShiftRange.Default,
    };
}
