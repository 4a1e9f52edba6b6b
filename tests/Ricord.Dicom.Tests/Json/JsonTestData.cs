using System.Buffers.Binary;
using System.Text;

namespace Ricord.Dicom.Tests.Json;

/// <summary>Data sets built in memory for the JSON tests, and a comparison of normalised values.</summary>
internal static class JsonTestData
{
    public static DicomTag T(uint v) => new(v);

    public static DicomElement Text(uint tag, DicomVR vr, string raw) => new(T(tag), vr, DicomValueParser.Pad(Encoding.Latin1.GetBytes(raw), vr));

    /// <summary>Every VR, with edge cases: IS/DS "+1", "1e3", " 12 ", empty values, empty members of multi-values.</summary>
    public static DicomDataset EveryVR()
    {
        var ds = new DicomDataset();
        ds.Set(Text(0x00080005, DicomVR.CS, "ISO_IR 192"));
        ds.Set(Text(0x00080054, DicomVR.AE, "STORE_SCP"));
        ds.Set(Text(0x00101010, DicomVR.AS, "042Y"));
        ds.SetTags(T(0x00209165), T(0x00100010), T(0x7FE00010));
        ds.Set(Text(0x00080060, DicomVR.CS, "CT"));
        ds.Set(Text(0x00080008, DicomVR.CS, "ORIGINAL\\\\AXIAL"));
        ds.Set(Text(0x00080020, DicomVR.DA, "20240102"));
        ds.Set(Text(0x00280030, DicomVR.DS, "1.50\\+1\\1e3\\ 12 \\-0.5\\.5"));
        ds.Set(Text(0x0008002A, DicomVR.DT, "20240102030405.123456+0100"));
        ds.SetDoubles(T(0x00189087), 1.5, -2.25e-300, double.MaxValue);
        ds.Set(new DicomElement(T(0x00189219), DicomVR.FL, Floats(0.1f, float.NaN, float.PositiveInfinity)));
        ds.Set(Text(0x00200013, DicomVR.IS, "+1\\ 12 \\\\-7"));
        ds.Set(Text(0x00081030, DicomVR.LO, "Brain \\ Kopf"));
        ds.Set(new DicomElement(T(0x00104000), DicomVR.LT, Encoding.UTF8.GetBytes("Line one\r\nLine two \\ with backslash")));
        ds.Set(new DicomElement(T(0x00420011), DicomVR.OB, new byte[] { 1, 2, 3, 4, 5, 0 }));
        ds.Set(new DicomElement(T(0x00660022), DicomVR.OD, Doubles(1.0, 2.0)));
        ds.Set(new DicomElement(T(0x00660016), DicomVR.OF, Floats(1f, -1f)));
        ds.Set(new DicomElement(T(0x00660040), DicomVR.OL, new byte[] { 1, 0, 0, 0, 2, 0, 0, 0 }));
        ds.Set(new DicomElement(T(0x00720074), DicomVR.OV, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }));
        ds.Set(new DicomElement(T(0x00281201), DicomVR.OW, new byte[] { 0xFF, 0x00, 0x10, 0x20 }));
        ds.Set(new DicomElement(T(0x00100010), DicomVR.PN, Encoding.UTF8.GetBytes("Yamada^Tarou=山田^太郎=やまだ^たろう")));
        ds.Set(new DicomElement(T(0x00081060), DicomVR.PN, Encoding.UTF8.GetBytes("Smith^Ann\\\\=Ideo Only")));
        ds.Set(Text(0x00100020, DicomVR.SH, "ID-1"));
        ds.Set(new DicomElement(T(0x00186020), DicomVR.SL, Ints(-5, int.MaxValue)));
        ds.SetInt16(T(0x00281106), -1, 32767);
        ds.Set(Text(0x00081090, DicomVR.ST, "Scanner \\ model"));
        ds.Set(new DicomElement(T(0x00720082), DicomVR.SV, Longs(long.MinValue, 9007199254740993)));
        ds.Set(Text(0x00080030, DicomVR.TM, "101010.5"));
        ds.Set(new DicomElement(T(0x00080119), DicomVR.UC, Encoding.UTF8.GetBytes("a very long code value ü")));
        ds.Set(Text(0x00080018, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.2"));
        ds.SetUInt32(T(0x00081161), 0, uint.MaxValue);
        ds.Set(new DicomElement(T(0x00091010), DicomVR.UN, new byte[] { 0xDE, 0xAD }));
        ds.Set(Text(0x00081190, DicomVR.UR, "http://example.com/a\\b"));
        ds.SetUInt16(T(0x00280010), 512, 0, 65535);
        ds.Set(new DicomElement(T(0x00081075), DicomVR.UT, Encoding.UTF8.GetBytes("Unlimited text ÷")));
        ds.Set(new DicomElement(T(0x00720083), DicomVR.UV, ULongs(ulong.MaxValue, 0)));
        ds.Set(new DicomElement(T(0x00100030), DicomVR.DA, DicomBuffer.Empty));
        ds.Set(new DicomElement(T(0x00101001), DicomVR.PN, DicomBuffer.Empty));
        ds.Set(new DicomSequence(T(0x00081115)));
        ds.Set(Nested(3));
        return ds;
    }

    /// <summary>(0008,1140) sequences nested <paramref name="depth"/> deep, two items at each level.</summary>
    public static DicomSequence Nested(int depth)
    {
        var items = new List<DicomDataset>();
        for (int i = 0; i < 2; i++)
        {
            var item = new DicomDataset();
            item.Set(Text(0x00081150, DicomVR.UI, "1.2.3." + i));
            item.Set(new DicomElement(T(0x00100010), DicomVR.PN, Encoding.UTF8.GetBytes($"Level{depth}^Item{i}=Ü")));
            if (depth > 1)
            {
                item.Set(Nested(depth - 1));
            }

            items.Add(item);
        }

        return new DicomSequence(T(0x00081140), items);
    }

    public static byte[] Floats(params float[] v)
    {
        var b = new byte[v.Length * 4];
        for (int i = 0; i < v.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(i * 4), v[i]);
        }

        return b;
    }

    public static byte[] Doubles(params double[] v)
    {
        var b = new byte[v.Length * 8];
        for (int i = 0; i < v.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(i * 8), v[i]);
        }

        return b;
    }

    public static byte[] Ints(params int[] v)
    {
        var b = new byte[v.Length * 4];
        for (int i = 0; i < v.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(i * 4), v[i]);
        }

        return b;
    }

    public static byte[] Longs(params long[] v)
    {
        var b = new byte[v.Length * 8];
        for (int i = 0; i < v.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(b.AsSpan(i * 8), v[i]);
        }

        return b;
    }

    public static byte[] ULongs(params ulong[] v)
    {
        var b = new byte[v.Length * 8];
        for (int i = 0; i < v.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(i * 8), v[i]);
        }

        return b;
    }

    /// <summary>Null when equal: same tags and VRs; text compared as decoded, trimmed values; binary byte for byte (padding aside).</summary>
    public static string? Difference(DicomDataset expected, DicomDataset actual, string path = "")
    {
        var a = expected.ToList();
        var b = actual.ToList();
        if (a.Count != b.Count)
        {
            return $"{path}: {a.Count} elements vs {b.Count} ({string.Join(",", a.Select(e => e.Tag))} vs {string.Join(",", b.Select(e => e.Tag))})";
        }

        for (int i = 0; i < a.Count; i++)
        {
            var (x, y) = (a[i], b[i]);
            string where = $"{path}{x.Tag}";
            if (x.Tag != y.Tag || x.VR != y.VR)
            {
                return $"{where}: {x.Tag} {x.VR} vs {y.Tag} {y.VR}";
            }

            if (x is DicomSequence sx)
            {
                if (y is not DicomSequence sy || sx.Items.Count != sy.Items.Count)
                {
                    return $"{where}: sequence differs";
                }

                for (int k = 0; k < sx.Items.Count; k++)
                {
                    if (Difference(sx.Items[k], sy.Items[k], $"{where}[{k}].") is { } d)
                    {
                        return d;
                    }
                }
            }
            else if (DicomVRInfo.IsString(x.VR))
            {
                string sxv = string.Join("|", DicomValueParser.Strings(x, expected.CharacterSet).Select(Normalise(x.VR)));
                string syv = string.Join("|", DicomValueParser.Strings(y, actual.CharacterSet).Select(Normalise(x.VR)));
                if (sxv != syv)
                {
                    return $"{where}: '{sxv}' vs '{syv}'";
                }
            }
            else if (!Padded(x).SequenceEqual(Padded(y)))
            {
                return $"{where}: bytes differ";
            }
        }

        return null;
    }

    /// <summary>PN values compare without trailing empty groups; single empty values count as no value.</summary>
    private static Func<string, string> Normalise(DicomVR vr) => s => vr == DicomVR.PN ? DicomPersonName.Parse(s).ToString() : s;

    private static byte[] Padded(DicomElement e) => DicomValueParser.Pad(e.Bytes.ToArray(), e.VR);
}
