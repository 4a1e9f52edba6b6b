using System.Text;

namespace Ricord.Dicom;

/// <summary>A stand-alone character set that .NET implements whole: UTF-8 (ISO_IR 192), GB18030, GBK (PS3.3 Table C.12-5).</summary>
internal sealed class EncodingCodec : TextCodec
{
    private readonly Encoding _decoder;
    private readonly Encoding _encoder;

    public EncodingCodec(int codePage)
    {
        _decoder = GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
        _encoder = GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    public override string Decode(ReadOnlySpan<byte> bytes, DicomVR vr) => _decoder.GetString(bytes);

    public override byte[] Encode(string text, DicomVR vr, string characterSet)
    {
        try
        {
            return _encoder.GetBytes(text);
        }
        catch (EncoderFallbackException ex)
        {
            throw new DicomCharacterSetException(text, Math.Max(0, ex.Index), characterSet, ex);
        }
    }

    private static Encoding GetEncoding(int codePage, EncoderFallback encoderFallback, DecoderFallback decoderFallback) =>
        codePage == 65001
            ? new UTF8Encoding(false, decoderFallback == DecoderFallback.ExceptionFallback)
            : CodePagesEncodingProvider.Instance.GetEncoding(codePage, encoderFallback, decoderFallback)
                ?? throw new InvalidOperationException($"Code page {codePage} is not available");
}
