namespace Ricord.Dicom.Tests.CharacterSets;

/// <summary>Well-known values from pydicom's FileInfo.txt and the examples of PS3.5 Annexes H, I, J and K.</summary>
public sealed class KnownValueTests
{
    [Theory]
    [InlineData("ISO_IR 100", "4275635e4ae972f46d65", "Buc^Jérôme")]
    [InlineData("ISO_IR 100", "c46e6561735e52fc6469676572", "Äneas^Rüdiger")]
    [InlineData("ISO_IR 100", "47fc6e74686572", "Günther")]
    [InlineData("ISO_IR 101", "a3f364bc", "Łódź")]
    [InlineData("ISO_IR 109", "a1", "Ħ")]
    [InlineData("ISO_IR 110", "a2", "ĸ")]
    [InlineData("ISO_IR 144", "bbeeda6365dcd17970d3", "Люкceмбypг")]
    [InlineData("ISO_IR 127", "e2c8c7e6ea5ee4e6d2c7d1", "قباني^لنزار")]
    [InlineData("ISO_IR 126", "c4c9cfcdd5d3c9cfd3", "ΔΙΟΝΥΣΙΟΣ")]
    [InlineData("ISO_IR 126", "c4e9efedf5f3e9eff2", "Διονυσιος")]
    [InlineData("ISO_IR 138", "f9f8e5ef5ee3e1e5f8e4", "שרון^דבורה")]
    [InlineData("ISO_IR 148", "d0fe", "Ğş")]
    [InlineData("ISO_IR 166", "e4b7c2", "ไทย")]
    [InlineData("ISO_IR 13", "d4cfc0de5ec0dbb3", "ﾔﾏﾀﾞ^ﾀﾛｳ")]
    [InlineData("ISO_IR 192", "57616e675e5869616f446f6e673de78e8b5ee5b08fe69db13d", "Wang^XiaoDong=王^小東=")]
    [InlineData("GB18030", "57616e675e5869616f446f6e673dcdf55ed0a1b6ab3d", "Wang^XiaoDong=王^小东=")]
    [InlineData("GBK", "cdf55ed0a1b6ab", "王^小东")]
    [InlineData("\\ISO 2022 IR 87", "59616d6164615e5461726f753d1b24423b3345441b28425e1b244242404f3a1b28423d1b24422464245e24401b28425e1b2442243f246d24261b2842", "Yamada^Tarou=山田^太郎=やまだ^たろう")]
    [InlineData("ISO 2022 IR 13\\ISO 2022 IR 87", "d4cfc0de5ec0dbb33d1b24423b3345441b284a5e1b244242404f3a1b284a3d1b24422464245e24401b284a5e1b2442243f246d24261b284a", "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう")]
    [InlineData("\\ISO 2022 IR 149", "486f6e675e47696c646f6e673d1b242943fbf35e1b242943d1ced4d73d1b242943c8ab5e1b242943b1e6b5bf", "Hong^Gildong=洪^吉洞=홍^길동")]
    [InlineData("\\ISO 2022 IR 58", "5a68616e675e5869616f446f6e673d1b242941d5c55e1b242941d0a1b6ab3d", "Zhang^XiaoDong=张^小东=")]
    [InlineData("\\ISO 2022 IR 159", "1b2428443021", "丂")]
    public void Decodes_and_encodes_back(string terms, string hex, string text)
    {
        var charset = DicomCharacterSet.FromTerms(terms.Split('\\'));
        byte[] bytes = Convert.FromHexString(hex);
        Assert.Equal(text, charset.Decode(bytes, DicomVR.PN));
        Assert.False(charset.IsFallback);

        byte[] encoded = charset.Encode(text, DicomVR.PN);
        Assert.Equal(text, charset.Decode(encoded, DicomVR.PN));
        if (!terms.Contains("IR 159", StringComparison.Ordinal))
        {
            Assert.Equal(hex, Convert.ToHexString(encoded), ignoreCase: true);
        }
    }

    [Fact]
    public void Line_ends_return_text_to_the_initial_set()
    {
        // PS3.5 6.1.2.5.3: after CR LF the first term's set is active again; the writer re-designates.
        var charset = DicomCharacterSet.FromTerms(["", "ISO 2022 IR 149"]);
        byte[] encoded = charset.Encode("홍\r\n길동", DicomVR.LT);
        Assert.Equal("1B242943C8AB0D0A1B242943B1E6B5BF", Convert.ToHexString(encoded));
        Assert.Equal("홍\r\n길동", charset.Decode(encoded, DicomVR.LT));
    }

    [Theory]
    [InlineData("ISO_IR100", "ISO_IR 100")]
    [InlineData("ISO-IR 100", "ISO_IR 100")]
    [InlineData("iso_ir 144", "ISO_IR 144")]
    [InlineData("ISO 8859-7", "ISO_IR 126")]
    [InlineData("UTF-8", "ISO_IR 192")]
    [InlineData("ISO2022 IR 87", "ISO 2022 IR 87")]
    public void Misspelt_terms_are_read_with_a_warning(string given, string meant)
    {
        var charset = DicomCharacterSet.FromTerms([given]);
        var reference = DicomCharacterSet.FromTerms([meant]);
        Assert.False(charset.IsFallback);
        Assert.Contains(meant, charset.Warning, StringComparison.Ordinal);
        byte[] all = [.. Enumerable.Range(0x20, 0xE0).Select(b => (byte)b)];
        Assert.Equal(reference.Decode(all, DicomVR.LO), charset.Decode(all, DicomVR.LO));
    }

    [Fact]
    public void Unknown_terms_fall_back_to_latin1_and_never_throw_on_decode()
    {
        var charset = DicomCharacterSet.FromTerms(["KLINGON"]);
        Assert.True(charset.IsFallback);
        Assert.Contains("KLINGON", charset.Warning, StringComparison.Ordinal);
        Assert.Equal("Jérôme", charset.Decode(Convert.FromHexString("4ae972f46d65"), DicomVR.PN));
        Assert.Equal("?\uFFFD", DicomCharacterSet.FromTerms(["ISO_IR 127"]).Decode([0x3F, 0xA1], DicomVR.LO));
        Assert.NotEmpty(DicomCharacterSet.FromTerms(["", "ISO 2022 IR 87"]).Decode([0x1B, 0x24, 0x42, 0x7F, 0x21, 0x1B], DicomVR.PN));
    }

    [Fact]
    public void Instances_are_shared_per_term_list()
    {
        Assert.Same(DicomCharacterSet.FromTerms(["", "ISO 2022 IR 87"]), DicomCharacterSet.FromTerms(["", "ISO 2022 IR 87"]));
        Assert.Same(DicomCharacterSet.Default, DicomCharacterSet.FromTerms([""]));
    }

    [Theory]
    [InlineData("", "Jérôme", "é")]
    [InlineData("ISO_IR 100", "Δ", "Δ")]
    [InlineData("ISO_IR 144", "Yamada 山田", "山")]
    [InlineData("\\ISO 2022 IR 149", "山田 ﾔ", "ﾔ")]
    public void Characters_outside_the_set_are_named_when_encoding(string terms, string text, string culprit)
    {
        var charset = DicomCharacterSet.FromTerms(terms.Split('\\'));
        var ex = Assert.Throws<DicomCharacterSetException>(() => charset.Encode(text, DicomVR.LO));
        Assert.Equal(culprit, ex.Character);
        Assert.Contains(culprit, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_is_not_encoded()
    {
        string text = "a" + (char)0xD800 + "b";
        var ex = Assert.Throws<DicomCharacterSetException>(() => DicomCharacterSet.FromTerms(["GB18030"]).Encode(text, DicomVR.LO));
        Assert.Equal(1, ex.Index);
        Assert.Throws<DicomCharacterSetException>(() => DicomCharacterSet.FromTerms(["ISO_IR 192"]).Encode(text, DicomVR.LO));
    }
}
