namespace Ricord.Dicom;

public sealed partial class DicomCharacterSet
{
    private static DicomCharacterSet Create(string[] terms)
    {
        var warnings = new List<string>();
        bool fallback = false;

        // Empty values after the first carry no meaning; an empty first value means ISO-IR 6 (PS3.3 C.12.1.1.2).
        var values = terms.Select(t => t.Trim(' ', '\0')).Where((t, i) => i == 0 || t.Length > 0).ToList();
        var normalized = new List<string>(values.Count);
        for (int i = 0; i < values.Count; i++)
        {
            string given = values[i];
            string? term = given.Length == 0 ? "ISO_IR 6" : CharacterSetTerms.Normalize(given);
            if (term is null)
            {
                fallback = true;
                warnings.Add(i == 0
                    ? $"Unknown Specific Character Set '{given}'; read as ISO_IR 100 (Latin-1)"
                    : $"Unknown Specific Character Set '{given}' ignored");
                if (i > 0)
                {
                    continue;
                }

                term = "ISO_IR 100";
            }
            else if (given.Length > 0 && term != given)
            {
                warnings.Add($"Specific Character Set '{given}' read as '{term}'");
            }

            normalized.Add(term);
        }

        TextCodec codec = normalized.Count == 1 || CharacterSetTerms.IsStandAlone(normalized[0])
            ? StandAlone(normalized, warnings)
            : Extensions(normalized, warnings);
        return new DicomCharacterSet(terms, codec, fallback, warnings.Count == 0 ? null : string.Join("; ", warnings));
    }

    private static TextCodec StandAlone(List<string> terms, List<string> warnings)
    {
        string term = terms[0];
        if (terms.Count > 1)
        {
            warnings.Add($"{term} cannot be combined with code extensions (PS3.5 6.1.2.5.4); further terms ignored");
        }

        return term switch
        {
            CharacterSetTerms.Utf8 => new EncodingCodec(65001),
            CharacterSetTerms.Gb18030 => new EncodingCodec(54936),
            CharacterSetTerms.Gbk => new EncodingCodec(936),
            _ when SingleByteTables.ForTerm(term) is { } table => new SingleByteCodec(table),
            _ => Extensions(terms, warnings),
        };
    }

    private static Iso2022Codec Extensions(List<string> terms, List<string> warnings)
    {
        var elements = new List<CodeElement>();
        CodeElement[]? first = null;
        foreach (string given in terms)
        {
            string term = CharacterSetTerms.AsExtension(given);
            if (term != given && given != "ISO_IR 6")
            {
                warnings.Add($"'{given}' used with code extensions; read as '{term}'");
            }

            var found = CodeElements.ForTerm(term == "ISO_IR 6" ? "ISO 2022 IR 6" : term);
            if (found.Length == 0)
            {
                warnings.Add($"'{given}' cannot be used with code extensions; ignored");
                continue;
            }

            first ??= found;
            elements.AddRange(found.Where(e => !elements.Contains(e)));
        }

        first ??= [CodeElements.Ascii];

        // The first term's sets are active initially; a double-byte G0 set is never initial, ASCII is.
        var initialG0 = first.FirstOrDefault(e => !e.IsG1 && !e.IsDoubleByte) ?? CodeElements.Ascii;
        var initialG1 = first.FirstOrDefault(e => e.IsG1);
        if (!elements.Contains(CodeElements.Ascii) && initialG0 == CodeElements.Ascii)
        {
            elements.Add(CodeElements.Ascii);
        }

        return new Iso2022Codec(initialG0, initialG1, [.. elements]);
    }
}
