using Ricord.Dicom.Imaging;

namespace Ricord.Dicom.Tests.Imaging;

public sealed class PixelCodecsTests
{
    [Fact]
    public void Finds_codecs_by_transfer_syntax()
    {
        Assert.IsType<RleCodec>(PixelCodecs.Find(DicomTransferSyntax.RleLossless));
        Assert.IsType<JpegLosslessCodec>(PixelCodecs.Find(DicomTransferSyntax.JpegLosslessSV1));
        Assert.IsType<JpegLosslessCodec>(PixelCodecs.Find(DicomTransferSyntax.JpegLosslessProcess14));
        Assert.Null(PixelCodecs.Find(DicomTransferSyntax.Mpeg2));
    }

    [Fact]
    public void Get_names_the_missing_syntax()
    {
        var ex = Assert.Throws<PixelDataException>(() => PixelCodecs.Get(DicomTransferSyntax.Mpeg2));
        Assert.Contains("MPEG2", ex.Message, StringComparison.Ordinal);
    }
}
