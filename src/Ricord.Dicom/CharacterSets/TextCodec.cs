namespace Ricord.Dicom;

/// <summary>Turns the bytes of one text value into a string and back, for one Specific Character Set.</summary>
internal abstract class TextCodec
{
    /// <summary>Decodes, never throwing: bytes that do not fit become U+FFFD.</summary>
    public abstract string Decode(ReadOnlySpan<byte> bytes, DicomVR vr);

    /// <summary>Encodes; throws <see cref="DicomCharacterSetException"/> naming the first character that does not fit.</summary>
    public abstract byte[] Encode(string text, DicomVR vr, string characterSet);
}
