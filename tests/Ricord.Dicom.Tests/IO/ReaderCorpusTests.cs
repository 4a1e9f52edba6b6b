using Ricord.Dicom.Tests.Corpus;

namespace Ricord.Dicom.Tests.IO;

public sealed class ReaderCorpusTests
{
    [Theory]
    [MemberData(nameof(PydicomFiles.ReadableData), MemberType = typeof(PydicomFiles))]
    public void Every_pydicom_file_parses(string relative)
    {
        var file = DicomFile.Open(PydicomFiles.PathOf(relative));
        Assert.True(file.Dataset.Count > 0);
        var inMemory = DicomFile.Read(File.ReadAllBytes(PydicomFiles.PathOf(relative)));
        Assert.Equal(file.Dataset.Count, inMemory.Dataset.Count);
    }

    [Theory]
    [MemberData(nameof(PydicomFiles.BrokenData), MemberType = typeof(PydicomFiles))]
    public void Truncated_files_fail_with_offset_and_tag(string relative)
    {
        var ex = Assert.Throws<DicomFormatException>(() => DicomFile.Open(PydicomFiles.PathOf(relative)));
        Assert.True(ex.Offset >= 0);
        if (relative.EndsWith("no_meta.dcm", StringComparison.Ordinal))
        {
            // One byte off from its first element: no element can be read at its start at all.
            Assert.True(ex.NotDicom, ex.Message);
        }
        else
        {
            Assert.NotNull(ex.Tag);
        }

        Assert.Contains(relative.Split('/')[^1], ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PydicomFiles.ReadableData), MemberType = typeof(PydicomFiles))]
    public void Stop_before_pixels_reads_everything_but_the_pixels(string relative)
    {
        var full = DicomFile.Open(PydicomFiles.PathOf(relative));
        var header = DicomFile.Open(PydicomFiles.PathOf(relative), new DicomReadOptions { StopBeforePixelData = true });
        var expected = full.Dataset.Where(e => e.Tag.Value < 0x7FE00008).Select(e => e.Tag).ToArray();
        Assert.Equal(expected, header.Dataset.Select(e => e.Tag).ToArray());
    }
}
