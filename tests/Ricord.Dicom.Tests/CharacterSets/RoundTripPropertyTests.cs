using CsCheck;

namespace Ricord.Dicom.Tests.CharacterSets;

/// <summary>Random text drawn from a character set's repertoire survives Encode then Decode.</summary>
public sealed class RoundTripPropertyTests
{
    public static TheoryData<string> SingleByteTerms =>
    [
        "ISO_IR 6", "ISO_IR 100", "ISO_IR 101", "ISO_IR 109", "ISO_IR 110", "ISO_IR 144", "ISO_IR 127",
        "ISO_IR 126", "ISO_IR 138", "ISO_IR 148", "ISO_IR 166", "ISO_IR 13",
    ];

    [Theory]
    [MemberData(nameof(SingleByteTerms))]
    public void Single_byte_sets_round_trip(string term)
    {
        var charset = DicomCharacterSet.FromTerms([term]);
        var table = SingleByteTables.ForTerm(term)!;
        char[] repertoire = [.. table.Repertoire.Order()];
        Assert.True(repertoire.Length >= 0x80, $"{term}: {repertoire.Length} characters");
        Pick(repertoire).Array[0, 64].Select(a => new string(a)).Sample(text =>
        {
            byte[] bytes = charset.Encode(text, DicomVR.LT);
            Assert.Equal(text.Length, bytes.Length);
            Assert.Equal(text, charset.Decode(bytes, DicomVR.LT));
        });
    }

    [Theory]
    [InlineData("\\ISO 2022 IR 87\\ISO 2022 IR 159")]
    [InlineData("ISO 2022 IR 13\\ISO 2022 IR 87")]
    [InlineData("\\ISO 2022 IR 149")]
    [InlineData("\\ISO 2022 IR 58")]
    [InlineData("ISO 2022 IR 100\\ISO 2022 IR 144\\ISO 2022 IR 126")]
    public void Code_extension_text_round_trips(string terms)
    {
        var charset = DicomCharacterSet.FromTerms(terms.Split('\\'));
        char[] repertoire = [.. terms.Split('\\')
            .Select(t => t.Length == 0 ? "ISO 2022 IR 6" : t)
            .SelectMany(CodeElements.ForTerm)
            .SelectMany(e => e.Repertoire)
            .Where(c => c >= 0x20 && c != 0x7F)
            .Distinct()
            .Order()];
        var text = Gen.OneOf(Pick(repertoire), Pick('^', '=', '\\', ' ', 'A')).Array[0, 40].Select(a => new string(a));
        foreach (var vr in new[] { DicomVR.PN, DicomVR.LO })
        {
            text.Sample(s => Assert.Equal(s, charset.Decode(charset.Encode(s, vr), vr)));
        }

        var lines = Gen.OneOf(Pick(repertoire), Pick('\r', '\n', '\t', '\\')).Array[0, 40].Select(a => new string(a));
        lines.Sample(s => Assert.Equal(s, charset.Decode(charset.Encode(s, DicomVR.LT), DicomVR.LT)));
    }

    [Theory]
    [InlineData("ISO_IR 192")]
    [InlineData("GB18030")]
    public void Unicode_sets_round_trip_any_text(string term)
    {
        var charset = DicomCharacterSet.FromTerms([term]);
        Gen.String.Where(s => !HasLoneSurrogate(s)).Sample(s => Assert.Equal(s, charset.Decode(charset.Encode(s, DicomVR.UT), DicomVR.UT)));
    }

    private static Gen<char> Pick(params char[] chars) => Gen.Int[0, chars.Length - 1].Select(i => chars[i]);

    private static bool HasLoneSurrogate(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return true;
            }
        }

        return false;
    }
}
