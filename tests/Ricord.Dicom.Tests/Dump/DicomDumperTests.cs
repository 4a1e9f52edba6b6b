using System.Text;

namespace Ricord.Dicom.Tests.Dump;

public sealed class DicomDumperTests
{
    private static DicomTag T(uint v) => new(v);

    private static string[] Lines(DicomDataset ds, DicomDumpOptions? options = null) =>
        new DicomDumper(options).Dump(ds).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public void One_line_per_element_with_value_length_vm_and_keyword()
    {
        var ds = new DicomDataset().SetString(T(0x00080005), DicomVR.CS, "ISO_IR 192");
        ds.Set(new DicomElement(T(0x00100010), DicomVR.PN, Encoding.ASCII.GetBytes("Doe^John")));
        var lines = Lines(ds);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("(0010,0010) PN [Doe^John]", lines[1], StringComparison.Ordinal);
        Assert.Matches(@"# 8, 1 \S+$", lines[1]);
        Assert.EndsWith("# 10, 1 SpecificCharacterSet", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Keywords_come_from_the_dictionary_with_fallbacks()
    {
        var ds = new DicomDataset();
        ds.SetString(T(0x00291010), DicomVR.LO, "x");
        ds.SetString(T(0x00290010), DicomVR.LO, "ACME");
        string dump = new DicomDumper().Dump(ds);
        Assert.Contains("PrivateCreator", dump, StringComparison.Ordinal);
        Assert.Contains("PrivateTag", dump, StringComparison.Ordinal);
        Assert.Contains(DicomDictionary.Find(T(0x7FE00010))!.Keyword, new DicomDumper().Dump(new DicomDataset().SetBytes(T(0x7FE00010), DicomVR.OW, new byte[2])), StringComparison.Ordinal);
    }

    [Fact]
    public void Multiple_values_numbers_and_tags()
    {
        var ds = new DicomDataset();
        ds.SetStrings(T(0x00080008), DicomVR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.SetUInt16(T(0x00280010), 512, 256);
        ds.SetTags(T(0x00209165), T(0x00100010));
        ds.SetDoubles(T(0x00189087), 1.5);
        ds.Set(new DicomElement(T(0x00100030), DicomVR.DA, DicomBuffer.Empty));
        var lines = Lines(ds);
        Assert.Contains(lines, l => l.StartsWith("(0008,0008) CS [ORIGINAL\\PRIMARY\\AXIAL]", StringComparison.Ordinal) && l.Contains("# 22, 3 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("(0028,0010) US 512\\256 ", StringComparison.Ordinal) && l.Contains("# 4, 2 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("(0020,9165) AT (0010,0010) ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("(0018,9087) FD 1.5 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("(0010,0030) DA (no value available)", StringComparison.Ordinal) && l.Contains("# 0, 0 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Long_values_are_cut_at_the_maximum_width()
    {
        var ds = new DicomDataset().SetString(T(0x00081030), DicomVR.LO, new string('x', 60));
        string line = Lines(ds, new DicomDumpOptions { MaxValueWidth = 20 })[0];
        Assert.StartsWith("(0008,1030) LO [" + new string('x', 17) + "...]", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_shows_the_first_bytes_in_hex()
    {
        var ds = new DicomDataset();
        ds.SetBytes(T(0x00420011), DicomVR.OB, Enumerable.Range(0, 40).Select(i => (byte)i).ToArray());
        ds.SetBytes(T(0x00281201), DicomVR.OW, new byte[] { 0x34, 0x12, 0xCD, 0xAB });
        var lines = Lines(ds, new DicomDumpOptions { BinaryPreviewBytes = 4 });
        Assert.StartsWith("(0028,1201) OW 1234\\abcd ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("(0042,0011) OB 00\\01\\02\\03... ", lines[1], StringComparison.Ordinal);
        Assert.Contains("# 40, 1 ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Sequences_and_items_are_indented()
    {
        var inner = new DicomDataset().SetString(T(0x00081150), DicomVR.UI, "1.2.3");
        var item = new DicomDataset().SetSequence(T(0x00081140), inner);
        var ds = new DicomDataset().SetSequence(T(0x00081115), item);
        var lines = Lines(ds);
        Assert.StartsWith("(0008,1115) SQ (Sequence with 1 item)", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("  (FFFE,E000) na (Item #1 with 1 element)", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("    (0008,1140) SQ", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("        (0008,1150) UI [1.2.3]", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public void Pixel_data_says_when_it_is_not_loaded_or_encapsulated()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, new byte[16]);
            var ds = new DicomDataset();
            ds.Set(new DicomElement(T(0x7FE00010), DicomVR.OW, new FileRangeDicomBuffer(path, 0, 16)));
            Assert.Contains("OW (not loaded)", Lines(ds)[0], StringComparison.Ordinal);

            ds.Set(new DicomFragmentSequence(T(0x7FE00010), DicomVR.OB, DicomBuffer.Empty, [DicomBuffer.From(new byte[4]), DicomBuffer.From(new byte[4])]));
            Assert.Contains("OB (2 fragments", Lines(ds)[0], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_pydicom_file_dumps_with_meta_header_and_patient_name()
    {
        const string Path = "/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm";
        Assert.True(File.Exists(Path), $"{Path} missing; install python3-pydicom");
        var file = DicomFile.Open(Path);
        var sw = new StringWriter();
        new DicomDumper().Dump(file, sw);
        string dump = sw.ToString();
        Assert.Contains("# Dicom-Meta-Information-Header", dump, StringComparison.Ordinal);
        Assert.Contains("(0002,0010) UI [1.2.840.10008.1.2.1]", dump, StringComparison.Ordinal);
        Assert.Contains("(0010,0010) PN [CompressedSamples^CT1]", dump, StringComparison.Ordinal);
    }
}
