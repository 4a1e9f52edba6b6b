using System.Globalization;
using System.Text;
using Ricord.Dicom.Tests.Corpus;

namespace Ricord.Dicom.Tests.Peers;

/// <summary>
/// Element-by-element agreement with dcmtk's dcmdump (its standard and private dictionaries) on every readable DICOM
/// file the Debian packages installed (<see cref="DebianDicomFiles"/>): same tags in the same order, same VR, same
/// value (strings byte for byte, numbers by value, binary byte for byte). dcmtk's quirks that Ricord does not copy are
/// listed in docs/conformance.md.
/// </summary>
public sealed class DcmtkAgreementTests
{
    /// <summary>Files dcmtk cannot read: their data set is implicit VR under an explicit transfer syntax (pydicom and Ricord detect that).</summary>
    public static readonly string[] DcmtkRejects = ["test_files/SC_rgb_jpeg.dcm"];

    public static TheoryData<string> Comparable() =>
        [.. DebianDicomFiles.Readable().Where(f => !DcmtkRejects.Any(r => f == PydicomFiles.PathOf(r)))];

    [Fact]
    public void The_corpus_holds_every_Debian_shipped_DICOM_file()
    {
        // 184 today: 180 Part 10 files (pydicom 153 + 17 + 8, dicom3tools 1, GDCM 1) and pydicom's 4 .dcm files without a preamble.
        Assert.True(DebianDicomFiles.All.Count >= 180, $"only {DebianDicomFiles.All.Count} files found");
        Assert.Contains(DebianDicomFiles.All, f => f.StartsWith("/usr/share/doc/dicom3tools/", StringComparison.Ordinal));
        Assert.Contains(DebianDicomFiles.All, f => f.StartsWith("/usr/share/doc/libgdcm3.0/", StringComparison.Ordinal));
        Assert.Contains(DebianDicomFiles.All, f => f.EndsWith("/DICOMDIR-nooffset", StringComparison.Ordinal));
    }

    public static TheoryData<string> Rejected() => [.. DcmtkRejects];

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Files_excluded_from_comparison_are_really_rejected_by_dcmtk(string relative)
    {
        var (code, _, _) = PeerTool.Run("dcmdump", ["-q", PydicomFiles.PathOf(relative)]);
        Assert.NotEqual(0, code);
        Assert.True(DicomFile.Open(PydicomFiles.PathOf(relative)).Dataset.Count > 10);
    }

    [Theory]
    [MemberData(nameof(Comparable))]
    public void Agrees_with_dcmdump(string path)
    {
        var (code, stdout, stderr) = PeerTool.Run("dcmdump", ["+L", "-q", "-Un", "+E", "+uc", path], Encoding.Latin1);
        Assert.True(code == 0, $"dcmdump failed ({code}): {stderr}");
        var expected = DcmdumpParser.Parse(stdout);
        var file = DicomFile.Open(path);
        var actual = new List<DumpLine>();
        Flatten(file.Meta, actual, explicitVR: true);
        Flatten(file.Dataset, actual, file.TransferSyntax.IsExplicitVR);
        AssertSame(expected, actual);
    }

    private static void AssertSame(List<DumpLine> expected, List<DumpLine> actual)
    {
        for (int i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            var e = expected[i];
            var a = actual[i];
            Assert.True(e.Tag == a.Tag, $"Line {i}: dcmtk has {e.Tag}, Ricord has {a.Tag}");
            string evr = e.VR switch { "??" => "UN", "up" => "UL", _ => e.VR };
            if (a.VR == "UN" && evr != "UN" && a.Element is { } un && DicomQuirkVR(evr) is { } known)
            {
                // dcmdump +uc (needed for its CP-246 reading) also converts a UN that is not a sequence to the dictionary's
                // VR; Ricord keeps that UN verbatim. Its bytes must still read as dcmtk shows them in that VR.
                a = a with { VR = evr, Value = Render(new DicomElement(un.Tag, known, un.Bytes.ToArray())) };
            }

            Assert.True(evr == a.VR || (e.Tag.Group == 0xFFFE), $"{e.Tag}: dcmtk VR {e.VR}, Ricord VR {a.VR}");
            Assert.True(ValuesAgree(evr, e.Value, a.Value) || DcmtkQuirks.Explain(e.Tag, evr, e.Value, a.Value) is not null, $"{e.Tag} {evr}: dcmtk [{Shorten(e.Value)}], Ricord [{Shorten(a.Value)}]");
        }

        Assert.Equal(expected.Count, actual.Count);
    }

    private static DicomVR? DicomQuirkVR(string code) =>
        code.Length == 2 && DicomVRInfo.FromBytes((byte)code[0], (byte)code[1]) is var vr && vr != DicomVR.None ? vr : null;

    private static string Shorten(string s) => s.Length > 200 ? s[..200] + "…" : s;

    private static bool ValuesAgree(string vr, string dcmtk, string ours)
    {
        if (dcmtk == ours)
        {
            return true;
        }

        if (vr is "FL" or "FD" or "OF" or "OD" or "DS")
        {
            var a = Numbers(dcmtk);
            var b = Numbers(ours);
            return a is not null && b is not null && a.Length == b.Length
                && a.Zip(b).All(p => p.First == p.Second || Math.Abs(p.First - p.Second) <= 1e-5 * Math.Max(Math.Abs(p.First), Math.Abs(p.Second)));
        }

        return false;
    }

    private static double[]? Numbers(string s)
    {
        s = s.Trim('[', ']');
        var parts = s.Split('\\');
        var result = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out result[i]))
            {
                return null;
            }
        }

        return result;
    }

    /// <summary>
    /// Renders our data set the way dcmdump prints values, so that the two can be compared as text. Element lines keep
    /// their element when <paramref name="explicitVR"/> (the VRs came from the file, UN stated there, not from a dictionary).
    /// </summary>
    private static void Flatten(DicomDataset ds, List<DumpLine> lines, bool explicitVR)
    {
        foreach (var e in ds)
        {
            switch (e)
            {
                case DicomSequence sq:
                    lines.Add(new DumpLine(e.Tag, "SQ", $"(Sequence with {(sq.UndefinedLength ? "undefined" : "explicit")} length #={sq.Items.Count})"));
                    foreach (var item in sq.Items)
                    {
                        lines.Add(new DumpLine(DicomTag.Item, "na", $"(Item with {(item.UndefinedLength ? "undefined" : "explicit")} length #={item.Count})"));
                        Flatten(item, lines, explicitVR);
                    }

                    break;
                case DicomFragmentSequence f:
                    lines.Add(new DumpLine(e.Tag, DicomVRInfo.Code(f.VR), $"(PixelSequence #={f.Fragments.Count + 1})"));
                    lines.Add(new DumpLine(DicomTag.Item, "pi", Hex(f.OffsetTable.Span, 1)));
                    foreach (var fragment in f.Fragments)
                    {
                        // dcmtk pads an odd-length fragment with a zero byte on read, as it does any odd-length value.
                        var bytes = (fragment.Length & 1) == 1 ? DicomValueParser.Pad(fragment.Span.ToArray(), DicomVR.OB) : fragment.Span.ToArray();
                        lines.Add(new DumpLine(DicomTag.Item, "pi", Hex(bytes, 1)));
                    }

                    break;
                default:
                    lines.Add(new DumpLine(e.Tag, DicomVRInfo.Code(e.VR), Render(e)) { Element = explicitVR ? e : null });
                    break;
            }
        }
    }

    private static string Render(DicomElement e)
    {
        // dcmtk pads odd-length values on read; Ricord keeps them as found (the writer pads).
        var b = (e.Bytes.Length & 1) == 1 ? DicomValueParser.Pad(e.Bytes.ToArray(), e.VR).AsSpan() : e.Bytes;
        if (b.Length == 0)
        {
            return "(no value available)";
        }

        switch (e.VR)
        {
            case var vr when DicomVRInfo.IsString(vr):
                string text = Encoding.Latin1.GetString(b);
                text = e.VR == DicomVR.UI ? text.TrimEnd('\0') : text.TrimEnd(' ');
                return $"[{text}]";
            case DicomVR.US or DicomVR.SS or DicomVR.UL or DicomVR.SL or DicomVR.SV or DicomVR.UV:
                return string.Join('\\', DicomValueParser.Integers(e).Select(v => v.ToString(CultureInfo.InvariantCulture)));
            case DicomVR.FL or DicomVR.FD or DicomVR.OF or DicomVR.OD:
                return string.Join('\\', DicomValueParser.Doubles(e).Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            case DicomVR.AT:
                var ds = new DicomDataset();
                ds.Set(e);
                return string.Join('\\', ds.GetTags(e.Tag).Select(t => t.ToString().ToLowerInvariant()));
            case DicomVR.OW:
                return Hex(b, 2);
            case DicomVR.OL:
                return Hex(b, 4);
            case DicomVR.OV:
                return Hex(b, 8);
            default:
                return Hex(b, 1);
        }
    }

    private static string Hex(ReadOnlySpan<byte> b, int unit)
    {
        if (b.Length == 0)
        {
            return "(no value available)";
        }

        var sb = new StringBuilder(b.Length * 3);
        for (int i = 0; i + unit <= b.Length; i += unit)
        {
            if (i > 0)
            {
                sb.Append('\\');
            }

            for (int k = unit - 1; k >= 0; k--)
            {
                sb.Append(b[i + k].ToString("x2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }
}
