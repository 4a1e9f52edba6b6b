using Ricord.Dicom.Tests.Corpus;
using static Ricord.Dicom.Tests.Support.RawDicom;

namespace Ricord.Dicom.Tests.IO;

/// <summary>Private creators and elements, UN holding a sequence (CP-246) and DICOMDIR offsets, read as dcmtk reads them.</summary>
public sealed class ReaderFidelityTests
{
    private const string ImplicitLE = "1.2.840.10008.1.2";
    private const string ExplicitLE = "1.2.840.10008.1.2.1";

    [Fact]
    public void Implicit_VR_private_elements_take_their_VR_from_the_private_dictionary_by_creator()
    {
        var ds = DicomFile.Read(File(ImplicitLE,
            Implicit(0x00190010, Text("GEMS_ACQU_01")), Implicit(0x00190011, Text("NO SUCH CREATOR")),
            Implicit(0x00191002, Int32(7)), Implicit(0x00191023, Text("1.5")), Implicit(0x00191102, Int32(7)))).Dataset;

        Assert.Equal(DicomVR.LO, ds[new DicomTag(0x00190010)]!.VR);
        Assert.Equal(DicomVR.LO, ds[new DicomTag(0x00190011)]!.VR);
        Assert.Equal(DicomVR.SL, ds[new DicomTag(0x00191002)]!.VR);
        Assert.Equal(7, ds.GetInt(new DicomTag(0x00191002)));
        Assert.Equal(DicomVR.DS, ds[new DicomTag(0x00191023)]!.VR);
        Assert.Equal(DicomVR.UN, ds[new DicomTag(0x00191102)]!.VR); // same offset, but in the unknown creator's block
    }

    [Fact]
    public void Private_element_in_a_block_without_creator_stays_UN()
    {
        var ds = DicomFile.Read(File(ImplicitLE, Implicit(0x00191002, Int32(7)))).Dataset;
        Assert.Equal(DicomVR.UN, ds[new DicomTag(0x00191002)]!.VR);
    }

    [Fact]
    public void Private_creator_encoded_as_UN_in_explicit_VR_reads_as_LO()
    {
        var ds = DicomFile.Read(File(ExplicitLE, Explicit(0x00190010, "UN", Text("GEMS_ACQU_01")))).Dataset;
        Assert.Equal(DicomVR.LO, ds[new DicomTag(0x00190010)]!.VR);
        Assert.Equal("GEMS_ACQU_01", ds.GetString(new DicomTag(0x00190010)));
    }

    [Fact]
    public void Defined_length_UN_holding_implicit_VR_items_reads_as_a_sequence()
    {
        byte[] items = [.. Item(Implicit(0x00081150, Uid("1.2.3")), Implicit(0x00081155, Uid("1.2.3.4"))), .. Item(Implicit(0x00081155, Uid("5.6")))];
        var file = DicomFile.Read(File(ExplicitLE, Explicit(0x00081140, "UN", items), Explicit(0x00090010, "LO", Text("ACME 1")),
            Explicit(0x00091001, "UN", items)));

        foreach (var tag in new[] { new DicomTag(0x00081140), new DicomTag(0x00091001) })
        {
            var sq = Assert.IsType<DicomSequence>(file.Dataset[tag]);
            Assert.Equal(2, sq.Items.Count);
            Assert.Equal("1.2.3.4", sq.Items[0].GetString(new DicomTag(0x00081155)));
            Assert.Equal(DicomVR.UI, sq.Items[1][new DicomTag(0x00081155)]!.VR);
        }

        Assert.Contains(file.Warnings, w => w.Message.Contains("CP-246", StringComparison.Ordinal));
    }

    [Fact]
    public void UN_that_does_not_parse_as_items_is_kept_verbatim_without_warnings()
    {
        byte[] notItems = [0xFE, 0xFF, 0x00, 0xE0, 0x10, 0, 0, 0, (byte)'a', (byte)'b', (byte)'c', 0];
        byte[] elementPastItem = Item(Implicit(0x00081150, Uid("1.2.3")));
        elementPastItem[12] += 4; // the element inside claims 4 bytes more than its item holds
        var file = DicomFile.Read(File(ExplicitLE, Explicit(0x00091001, "UN", notItems), Explicit(0x00091002, "UN", elementPastItem)));

        Assert.Equal(DicomVR.UN, file.Dataset[new DicomTag(0x00091001)]!.VR);
        Assert.Equal(notItems, file.Dataset[new DicomTag(0x00091001)]!.Bytes.ToArray());
        Assert.Equal(DicomVR.UN, file.Dataset[new DicomTag(0x00091002)]!.VR);
        Assert.Empty(file.Warnings);
    }

    [Fact]
    public void DICOMDIR_without_offsets_is_read_in_file_order_with_a_warning()
    {
        var file = DicomFile.Open(PydicomFiles.PathOf("test_files/dicomdirtests/DICOMDIR-nooffset"));

        Assert.Equal(52, file.Dataset.GetSequence(DicomTags.DirectoryRecordSequence).Count);
        Assert.Contains(file.Warnings, w => w.Message.StartsWith("DICOMDIR: ", StringComparison.Ordinal) && w.Message.Contains("missing", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("DICOMDIR")]
    [InlineData("DICOMDIR-reordered")]
    [InlineData("DICOMDIR-implicit")]
    [InlineData("DICOMDIR-bigEnd")]
    public void DICOMDIR_with_right_offsets_reads_without_an_offset_warning(string name)
    {
        var file = DicomFile.Open(PydicomFiles.PathOf("test_files/dicomdirtests/" + name));
        Assert.Equal(52, file.Dataset.GetSequence(DicomTags.DirectoryRecordSequence).Count);
        Assert.DoesNotContain(file.Warnings, w => w.Message.StartsWith("DICOMDIR", StringComparison.Ordinal));
    }

    [Fact]
    public void DICOMDIR_with_wrong_offsets_is_read_with_a_warning()
    {
        byte[] bytes = System.IO.File.ReadAllBytes(PydicomFiles.PathOf("test_files/dicomdirtests/DICOMDIR"));
        var original = DicomFile.Read(bytes);
        long first = original.Dataset.GetLong(DicomTags.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity)!.Value;
        // Point the root's first-record offset 2 bytes past the record start: the records are still all read.
        int at = IndexOf(bytes, [0x04, 0x00, 0x00, 0x12, (byte)'U', (byte)'L', 4, 0]) + 8;
        BitConverter.TryWriteBytes(bytes.AsSpan(at, 4), (uint)(first + 2));

        var file = DicomFile.Read(bytes);

        Assert.Equal(52, file.Dataset.GetSequence(DicomTags.DirectoryRecordSequence).Count);
        Assert.Contains(file.Warnings, w => w.Message.StartsWith("DICOMDIR: 0 directory record offsets missing and 1 pointing at no record start", StringComparison.Ordinal));
    }

    [Fact]
    public void Item_running_past_its_defined_length_sequence_is_read_to_the_sequence_end_with_a_warning()
    {
        byte[] item = Item(Implicit(0x00081155, Uid("1.2.3.4")));
        item[4] += 8; // claims 8 bytes more than the sequence holds
        var file = DicomFile.Read(File(ImplicitLE, Implicit(0x00081140, item), Implicit(0x00100010, Text("X"))));

        Assert.Equal("1.2.3.4", Assert.Single(file.Dataset.GetSequence(new DicomTag(0x00081140))).GetString(new DicomTag(0x00081155)));
        Assert.Equal("X", file.Dataset.GetString(new DicomTag(0x00100010)));
        Assert.Contains(file.Warnings, w => w.Message.Contains("runs past the end of its sequence", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new byte[0], "the file is empty")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0, 1 }, "a JPEG image")]
    [InlineData(new byte[] { 0x50, 0x4B, 3, 4, 20, 0, 0, 0, 8, 0 }, "a zip archive")]
    [InlineData(new byte[] { 0x61, 0x2C, 0x62, 0x0A, 0x31, 0x2C, 0x32, 0x0A }, "text")]
    [InlineData(new byte[] { 1, 2, 3 }, "too short")]
    public void Input_that_is_not_DICOM_fails_first_saying_why(byte[] bytes, string why)
    {
        var ex = Assert.Throws<DicomFormatException>(() => DicomFile.Read(bytes));
        Assert.True(ex.NotDicom);
        Assert.Contains(why, ex.NotDicomReason, StringComparison.Ordinal);
        Assert.StartsWith("not a DICOM file: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bare_data_sets_are_still_read()
    {
        Assert.Equal("X", DicomFile.Read(Implicit(0x00100010, Text("X"))).Dataset.GetString(new DicomTag(0x00100010)));
        Assert.NotEmpty(DicomFile.Open(PydicomFiles.PathOf("test_files/ExplVR_BigEndNoMeta.dcm")).Dataset);
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
