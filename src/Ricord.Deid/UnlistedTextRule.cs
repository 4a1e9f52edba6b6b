namespace Ricord.Deid;

/// <summary>
/// The closed world for text (issue: "not in the table" never means "kept"). A text value (SH, LO, ST, LT,
/// UT, UC) of an attribute that Table E.1-1 does not list is kept only when it is on this list, with the
/// reason; otherwise it is cleaned by the descriptor vocabulary (Clean Descriptors on) or removed.
/// AE and UR values that the table does not list are removed; PN values become a dummy.
/// Every kept value is still searched by the residual-identifier scan.
/// </summary>
internal static class UnlistedTextRule
{
    /// <summary>Tag → why its value may be kept verbatim.</summary>
    public static readonly IReadOnlyDictionary<uint, string> KeepList = new Dictionary<uint, string>
    {
        [0x00080070] = "Manufacturer: the device make; burned-in text and pixel blanking rules are keyed by it",
        [0x00081090] = "Manufacturer's Model Name: the device model; burned-in text and pixel blanking rules are keyed by it",
        [0x00181020] = "Software Versions: a vendor release string, needed to reproduce reconstructions",
        [0x00181016] = "Secondary Capture Device Manufacturer: device make, keys the burned-in text rules",
        [0x00181018] = "Secondary Capture Device Manufacturer's Model Name: device model, keys the burned-in text rules",
        [0x00181019] = "Secondary Capture Device Software Versions: a vendor release string",
        [0x00181210] = "Convolution Kernel: a vendor reconstruction kernel name (B30f, STANDARD), a release column",
        [0x00181160] = "Filter Type: a vendor filter term",
        [0x00281054] = "Rescale Type: defined terms (HU, US, OD; PS3.3 C.11.1.1.2)",
        [0x00080201] = "Timezone Offset From UTC: a signed four-digit offset, no free text",
    };

    public static string? KeepReason(uint tag) => KeepList.GetValueOrDefault(tag);
}
