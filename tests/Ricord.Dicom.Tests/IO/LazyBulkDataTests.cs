namespace Ricord.Dicom.Tests.IO;

/// <summary>Bulk data read from a file stays there (offset + length) until asked for, and reads back the same bytes
/// whichever way it is asked for: an array of its own, or a buffer the caller reuses.</summary>
public sealed class LazyBulkDataTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "ricord-lazy-" + Guid.NewGuid().ToString("N")[..12] + ".dcm");

    [Theory]
    [InlineData("1.2.840.10008.1.2.1")] // Explicit VR Little Endian
    [InlineData("1.2.840.10008.1.2.2")] // Explicit VR Big Endian: words swapped on read
    public void Pixel_data_stays_in_the_file_and_reads_back_the_same_into_a_reused_buffer(string transferSyntax)
    {
        byte[] pixels = new byte[200_000];
        new Random(20).NextBytes(pixels);
        var ds = new DicomDataset()
            .SetString(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.7")
            .SetString(DicomTags.SOPInstanceUID, DicomVR.UI, "1.2.826.0.1.3680043.2.1143.20.3")
            .SetBytes(DicomTags.PixelData, DicomVR.OW, pixels);
        new DicomFile(ds).Save(_path, new DicomWriteOptions { TransferSyntax = DicomTransferSyntax.FromUid(transferSyntax) });

        var element = DicomFile.Open(_path).Dataset[DicomTags.PixelData]!;
        Assert.True(element.Buffer.IsLazy);
        Assert.Equal(pixels.Length, element.Length);

        byte[] reused = new byte[pixels.Length + 16];
        element.Buffer.CopyTo(reused);
        Assert.True(reused.AsSpan(0, pixels.Length).SequenceEqual(pixels));
        Assert.True(element.Buffer.IsLazy); // nothing kept
        Assert.Throws<ArgumentException>(() => element.Buffer.CopyTo(new byte[pixels.Length - 1]));

        Assert.True(element.Bytes.SequenceEqual(pixels));
        Assert.False(element.Buffer.IsLazy); // read once and kept
        Array.Clear(reused);
        element.Buffer.CopyTo(reused);
        Assert.True(reused.AsSpan(0, pixels.Length).SequenceEqual(pixels));
    }

    public void Dispose() => File.Delete(_path);
}
