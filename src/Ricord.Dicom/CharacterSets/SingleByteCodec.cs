namespace Ricord.Dicom;

/// <summary>A single-byte character set without code extensions (PS3.3 Table C.12-2).</summary>
internal sealed class SingleByteCodec(SingleByteTable table) : TextCodec
{
    public SingleByteTable Table => table;

    public override string Decode(ReadOnlySpan<byte> bytes, DicomVR vr) => string.Create(bytes.Length, bytes, (span, src) =>
    {
        for (int i = 0; i < span.Length; i++)
        {
            span[i] = table.Decode(src[i]);
        }
    });

    public override byte[] Encode(string text, DicomVR vr, string characterSet)
    {
        var bytes = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            if (!table.TryEncode(text[i], out bytes[i]))
            {
                throw new DicomCharacterSetException(text, i, characterSet);
            }
        }

        return bytes;
    }
}
