using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Ricord.Dicom.Imaging.Rendering;

/// <summary>
/// Numbers of the image attributes that rendering and volumes read, also when an implicit VR file left them as UN
/// (no dictionary entry): DS/IS values are then parsed as text, US as a little-endian word.
/// </summary>
internal static class AttributeValues
{
    public static double[] Decimals(DicomDataset ds, DicomTag tag)
    {
        if (ds[tag] is not { } e)
        {
            return [];
        }

        if (e.VR != DicomVR.UN)
        {
            return ds.GetDoubles(tag);
        }

        var result = new List<double>();
        foreach (string part in Encoding.ASCII.GetString(e.Bytes).Split('\\'))
        {
            string s = part.Trim(' ', '\0');
            if (s.Length == 0)
            {
                continue;
            }

            result.Add(double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
                ? d
                : throw new FormatException($"Element {tag} (UN): '{s}' is not a number"));
        }

        return [.. result];
    }

    public static double? Decimal(DicomDataset ds, DicomTag tag) => Decimals(ds, tag) is { Length: > 0 } v ? v[0] : null;

    /// <summary>An IS value (UN parsed as text).</summary>
    public static long? Integer(DicomDataset ds, DicomTag tag) =>
        ds[tag] is { VR: DicomVR.UN } ? Decimal(ds, tag) is { } d ? (long)Math.Round(d) : null : ds.GetLong(tag);

    /// <summary>A US value (UN read as one little-endian word).</summary>
    public static int? UShort(DicomDataset ds, DicomTag tag) =>
        ds[tag] is { VR: DicomVR.UN } e ? e.Bytes.Length >= 2 ? BinaryPrimitives.ReadUInt16LittleEndian(e.Bytes) : null : ds.GetInt(tag);

    /// <summary>The first value of a default-repertoire string (CS, UI, LO…; UN decoded as ASCII), trimmed; null when absent.</summary>
    public static string? Text(DicomDataset ds, DicomTag tag) => Texts(ds, tag) is { Length: > 0 } v ? v[0] : null;

    public static string[] Texts(DicomDataset ds, DicomTag tag) =>
        ds[tag] is { VR: DicomVR.UN } e
            ? [.. Encoding.ASCII.GetString(e.Bytes).Split('\\').Select(v => v.Trim(' ', '\0'))]
            : [.. ds.GetStrings(tag).Select(v => v.Trim(' ', '\0'))];
}
