namespace Ricord.Dicom;

internal sealed partial class Iso2022Codec
{
    public override byte[] Encode(string text, DicomVR vr, string characterSet)
    {
        var output = new List<byte>(text.Length + 8);
        Span<byte> code = stackalloc byte[2];
        var g0 = _initialG0;
        var g1 = _initialG1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (IsDelimiter(c, vr))
            {
                // The first term's G0 set must be active before a delimiter or line end (PS3.5 6.1.2.5.3).
                if (g0 != _initialG0)
                {
                    output.AddRange(_initialG0.Escape);
                }

                output.Add((byte)c);
                g0 = _initialG0;
                g1 = _initialG1;
                continue;
            }

            if (c < 0x20 && !g0.IsDoubleByte)
            {
                output.Add((byte)c);
                continue;
            }

            // Stay in the active sets when they can take the character; otherwise designate the first declared set that can.
            int n = g0.TryEncode(c, code);
            if (n == 0 && g1 is not null)
            {
                n = g1.TryEncode(c, code);
            }

            if (n == 0)
            {
                foreach (var element in _elements)
                {
                    n = element.TryEncode(c, code);
                    if (n > 0)
                    {
                        output.AddRange(element.Escape);
                        if (element.IsG1)
                        {
                            g1 = element;
                        }
                        else
                        {
                            g0 = element;
                        }

                        break;
                    }
                }
            }

            if (n == 0)
            {
                throw new DicomCharacterSetException(text, i, characterSet);
            }

            output.AddRange(code[..n]);
        }

        if (g0 != _initialG0)
        {
            output.AddRange(_initialG0.Escape);
        }

        return [.. output];
    }
}
