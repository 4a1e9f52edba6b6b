namespace Ricord.Deid;

/// <summary>What happens to one attribute (PS3.15 E.1.1, the action codes of Table E.1-1).</summary>
public enum DeidAction
{
    /// <summary>K: keep the value (sequences are still processed item by item).</summary>
    Keep,

    /// <summary>X: remove the attribute.</summary>
    Remove,

    /// <summary>Z: replace with a zero-length value (an empty sequence for SQ).</summary>
    Zero,

    /// <summary>D: replace with a non-zero-length dummy value of the same VR.</summary>
    Dummy,

    /// <summary>C: clean: keep what is safe (shifted dates, safe-vocabulary descriptors), replace the rest.</summary>
    Clean,

    /// <summary>U: replace a UID with a keyed-hash UID, consistently everywhere.</summary>
    RemapUid,
}
