using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Ricord.Dicom;

/// <summary>How each kind of value is shown.</summary>
public sealed partial class DicomDumper
{
    private (string Text, int VM) Describe(DicomElement e, DicomCharacterSet charset)
    {
        if (e is DicomBulkDataElement bulk)
        {
            return ($"(bulk data at {bulk.Uri})", 1);
        }

        if (e.Buffer.IsLazy)
        {
            return ("(not loaded)", 1);
        }

        if (e.Length == 0)
        {
            return ("(no value available)", 0);
        }

        switch (e.VR)
        {
            case DicomVR.AT:
                return Join(BinaryTags(e.Bytes), e.Bytes.Length / 4, bracket: false);
            case DicomVR.US or DicomVR.SS or DicomVR.UL or DicomVR.SL or DicomVR.FL or DicomVR.FD or DicomVR.SV or DicomVR.UV:
                var numbers = BinaryNumbers(e);
                return Join(numbers, numbers.Length, bracket: false);
            case DicomVR.OB or DicomVR.OD or DicomVR.OF or DicomVR.OL or DicomVR.OV or DicomVR.OW or DicomVR.UN or DicomVR.None:
                return (Hex(e.Bytes, e.VR), 1);
        }

        var values = DicomValueParser.Strings(e, charset);
        return Join(values, values.Length, bracket: true);
    }

    private (string, int) Join(IEnumerable<string> values, int vm, bool bracket)
    {
        string text = Truncate(string.Join('\\', values));
        return (bracket ? $"[{text}]" : text, vm);
    }

    private string Truncate(string s) =>
        s.Length > _options.MaxValueWidth ? string.Concat(s.AsSpan(0, Math.Max(0, _options.MaxValueWidth - 3)), "...") : s;

    private static IEnumerable<string> BinaryTags(ReadOnlySpan<byte> b)
    {
        var tags = new List<string>(b.Length / 4);
        for (int i = 0; i + 4 <= b.Length; i += 4)
        {
            tags.Add(new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(b[i..]), BinaryPrimitives.ReadUInt16LittleEndian(b[(i + 2)..])).ToString());
        }

        return tags;
    }

    private static string[] BinaryNumbers(DicomElement e) => e.VR switch
    {
        DicomVR.FL or DicomVR.FD => [.. DicomValueParser.Doubles(e).Select(d => d.ToString(e.VR == DicomVR.FL ? "G7" : "G15", CultureInfo.InvariantCulture))],
        DicomVR.UV => [.. DicomValueParser.Integers(e).Select(v => ((ulong)v).ToString(CultureInfo.InvariantCulture))],
        _ => [.. DicomValueParser.Integers(e).Select(v => v.ToString(CultureInfo.InvariantCulture))],
    };

    /// <summary>The first bytes in hexadecimal, grouped by the VR's unit (bytes for OB/UN, words for OW, ...).</summary>
    private string Hex(ReadOnlySpan<byte> b, DicomVR vr)
    {
        int unit = vr is DicomVR.OD or DicomVR.OF ? 1 : Math.Max(1, DicomVRInfo.UnitSize(vr));
        int shown = Math.Min(b.Length, Math.Max(unit, _options.BinaryPreviewBytes)) / unit * unit;
        var sb = new StringBuilder();
        for (int i = 0; i < shown; i += unit)
        {
            if (i > 0)
            {
                sb.Append('\\');
            }

            for (int k = unit - 1; k >= 0; k--)
            {
                sb.Append(b[i + k].ToString("x2", CultureInfo.InvariantCulture)); // most significant byte first
            }
        }

        return shown < b.Length ? sb.Append("...").ToString() : sb.ToString();
    }
}
