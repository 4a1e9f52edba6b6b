using System.Globalization;
using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>
/// One private attribute known to be safe (PS3.15 E.3.10): its private creator and its tag written
/// as (gggg,xxee), where xx stands for whichever block the creator reserved in this file.
/// </summary>
public sealed record SafePrivateAttribute(string Creator, string Tag, string? Name = null)
{
    /// <summary>The group and the element offset (ee), or throws for a malformed entry.</summary>
    internal (ushort Group, byte Offset) Parse()
    {
        var t = Tag.Trim().TrimStart('(').TrimEnd(')').Split(',');
        if (t.Length != 2 || t[0].Length != 4 || t[1].Length != 4 || !t[1].StartsWith("xx", StringComparison.OrdinalIgnoreCase)
            || !ushort.TryParse(t[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ushort group)
            || !byte.TryParse(t[1].AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out byte offset)
            || !new DicomTag(group, 0x1000).IsPrivate)
        {
            throw new DeidentificationException($"Safe private entry '{Tag}' must be written (gggg,xxee) with an odd group gggg.");
        }

        return (group, offset);
    }
}
