namespace Ricord.Dicom;

/// <summary>The ISO 2022 code elements DICOM defines (PS3.3 Tables C.12-3 and C.12-4), by term and by escape sequence.</summary>
internal static class CodeElements
{
    private const byte Esc = 0x1B;

    public static CodeElement Ascii { get; } = G0("ISO 2022 IR 6", "(B", SingleByteTables.Ascii);

    public static CodeElement Romaji { get; } = G0("ISO 2022 IR 13", "(J", SingleByteTables.JisX0201);

    public static CodeElement Katakana { get; } = G1("ISO 2022 IR 13", ")I", SingleByteTables.JisX0201);

    /// <summary>Every element, for recognising escape sequences whatever the declared terms (tolerant reading).</summary>
    public static IReadOnlyList<CodeElement> All { get; } = Build();

    /// <summary>The elements a 2022 term brings, G0 before G1; empty if the term is not a known 2022 term.</summary>
    public static CodeElement[] ForTerm(string term)
    {
        if (term == Ascii.Term)
        {
            return [Ascii];
        }

        if (term == Romaji.Term)
        {
            return [Romaji, Katakana];
        }

        var element = All.FirstOrDefault(e => e.Term == term);

        // A single-byte G1 set comes with ASCII in G0 (PS3.3 Table C.12-3).
        return element is null ? [] : element.IsG1 && !element.IsDoubleByte ? [Ascii, element] : [element];
    }

    /// <summary>The element whose escape sequence starts <paramref name="bytes"/>, or null.</summary>
    public static CodeElement? MatchEscape(ReadOnlySpan<byte> bytes)
    {
        foreach (var e in All)
        {
            if (bytes.StartsWith(e.Escape))
            {
                return e;
            }
        }

        return null;
    }

    private static CodeElement[] Build()
    {
        var list = new List<CodeElement> { Ascii, Romaji, Katakana };
        (string Number, string Final)[] latin =
        [
            ("100", "A"), ("101", "B"), ("109", "C"), ("110", "D"), ("144", "L"),
            ("127", "G"), ("126", "F"), ("138", "H"), ("148", "M"), ("166", "T"),
        ];
        foreach (var (number, final) in latin)
        {
            list.Add(G1("ISO 2022 IR " + number, "-" + final, SingleByteTables.ForTerm("ISO_IR " + number)!));
        }

        list.Add(new CodeElement("ISO 2022 IR 87", Sequence("$B"), false, DoubleByteTables.JisX0208));
        list.Add(new CodeElement("ISO 2022 IR 159", Sequence("$(D"), false, DoubleByteTables.JisX0212));
        list.Add(new CodeElement("ISO 2022 IR 149", Sequence("$)C"), true, DoubleByteTables.KsX1001));
        list.Add(new CodeElement("ISO 2022 IR 58", Sequence("$)A"), true, DoubleByteTables.Gb2312));
        return [.. list];
    }

    private static CodeElement G0(string term, string final, SingleByteTable table) => new(term, Sequence(final), false, table);

    private static CodeElement G1(string term, string final, SingleByteTable table) => new(term, Sequence(final), true, table);

    private static byte[] Sequence(string afterEsc) => [Esc, .. afterEsc.Select(c => (byte)c)];
}
