using System.Collections.Concurrent;
using System.Text;

namespace Ricord.Dicom;

/// <summary>
/// The single-byte sets of PS3.3 Table C.12-2/C.12-3, built once from the code-page tables of .NET
/// (System.Text.Encoding.CodePages, part of the shared framework) and corrected to the ISO 8859 /
/// TIS 620 definitions where Microsoft's tables differ.
/// </summary>
internal static class SingleByteTables
{
    private static readonly ConcurrentDictionary<string, Lazy<SingleByteTable>> Tables = new();

    /// <summary>ISO-IR 6 as DICOM files use it: ASCII, with bytes 0x80..0xFF read as Latin-1 (as pydicom does) but never written.</summary>
    public static SingleByteTable Ascii => Get("ISO_IR 6", static () => new SingleByteTable("ISO_IR 6", Latin1Chars(), encodableLimit: 0x80));

    public static SingleByteTable Latin1 => Get("ISO_IR 100", static () => new SingleByteTable("ISO_IR 100", Latin1Chars()));

    /// <summary>JIS X 0201: romaji in G0 (read as ASCII, as pydicom does, so that 0x5C stays the delimiter), katakana in G1.</summary>
    public static SingleByteTable JisX0201 => Get("ISO_IR 13", static () =>
    {
        var chars = new char[256];
        for (int b = 0; b < 256; b++)
        {
            chars[b] = b < 0x80 ? (char)b : b is >= 0xA1 and <= 0xDF ? (char)(0xFF61 + b - 0xA1) : SingleByteTable.Unassigned;
        }

        return new SingleByteTable("ISO_IR 13", chars);
    });

    /// <summary>The table for a single-byte defined term such as "ISO_IR 144", or null if it is not one.</summary>
    public static SingleByteTable? ForTerm(string term) => term switch
    {
        "ISO_IR 6" => Ascii,
        "ISO_IR 100" => Latin1,
        "ISO_IR 13" => JisX0201,
        "ISO_IR 101" => FromCodePage(term, 28592),
        "ISO_IR 109" => FromCodePage(term, 28593),
        "ISO_IR 110" => FromCodePage(term, 28594),
        "ISO_IR 144" => FromCodePage(term, 28595),
        "ISO_IR 127" => FromCodePage(term, 28596),
        "ISO_IR 126" => FromCodePage(term, 28597),
        "ISO_IR 138" => FromCodePage(term, 28598),
        "ISO_IR 148" => FromCodePage(term, 28599),
        "ISO_IR 166" => FromCodePage(term, 874),
        _ => null,
    };

    private static SingleByteTable Get(string term, Func<SingleByteTable> create) =>
        Tables.GetOrAdd(term, _ => new Lazy<SingleByteTable>(create)).Value;

    private static char[] Latin1Chars()
    {
        var chars = new char[256];
        for (int b = 0; b < 256; b++)
        {
            chars[b] = (char)b;
        }

        return chars;
    }

    private static SingleByteTable FromCodePage(string term, int codePage) => Get(term, () =>
    {
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(codePage, EncoderFallback.ExceptionFallback, new DecoderReplacementFallback("\uFFFD"))
            ?? throw new InvalidOperationException($"Code page {codePage} for {term} is not available");
        var chars = new char[256];
        Span<byte> one = stackalloc byte[1];
        Span<char> decoded = stackalloc char[2];
        for (int b = 0; b < 256; b++)
        {
            one[0] = (byte)b;
            int n = encoding.GetChars(one, decoded);
            char ch = decoded[0];

            // Microsoft maps unassigned ISO 8859 positions into the private use area; they are unassigned.
            chars[b] = n != 1 || ch == '\uFFFD' || ch is >= '\uE000' and <= '\uF8FF' ? SingleByteTable.Unassigned : ch;
        }

        Correct(codePage, chars);
        return new SingleByteTable(term, chars);
    });

    // Positions where the Windows code page differs from the current ISO edition (checked against Python's codecs).
    private static void Correct(int codePage, char[] chars)
    {
        switch (codePage)
        {
            case 28597: // ISO 8859-7:2003 quotation marks
                chars[0xA1] = '\u2018';
                chars[0xA2] = '\u2019';
                break;
            case 28598: // ISO 8859-8:1999 macron and bidi marks
                chars[0xAF] = '\u00AF';
                chars[0xFD] = '\u200E';
                chars[0xFE] = '\u200F';
                break;
            case 874: // TIS 620 / ISO 8859-11: C1 controls, not Windows punctuation
                for (int b = 0x80; b < 0xA0; b++)
                {
                    chars[b] = (char)b;
                }

                break;
        }
    }
}
