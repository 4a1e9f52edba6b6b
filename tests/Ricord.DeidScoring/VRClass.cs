namespace Ricord.DeidScoring;

/// <summary>How the scorer groups VRs: what an action can look like depends on the kind of value.</summary>
public enum VRClass
{
    /// <summary>PN, AE, UR: names and addresses; cleaning one means replacing it.</summary>
    Name,

    /// <summary>SH, LO, ST, LT, UT, UC: free text, cleaned by the descriptor vocabulary.</summary>
    Text,

    /// <summary>DA, DT, TM, and Timezone Offset From UTC: shifted by Clean.</summary>
    Date,
    Age,
    Uid,

    /// <summary>CS and numbers (DS, IS, FL, FD, SL, SS, UL, US, SV, UV, AT): no free text.</summary>
    Coded,

    /// <summary>OB, OW, OF, OD, OL, OV, UN: bytes that cannot be cleaned.</summary>
    Binary,
    Sequence,
}
