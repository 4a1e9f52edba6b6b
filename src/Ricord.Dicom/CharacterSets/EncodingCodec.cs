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
        // Some code-page encoders write a lone surrogate instead of failing; it is not a character.
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                throw new DicomCharacterSetException(text, i, characterSet);
            }
        }

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
