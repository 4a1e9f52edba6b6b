namespace Ricord.Dicom.Tests.Model;

public sealed class DicomTagPatternTests
{
    [Fact]
    public void Wildcard_digits_match_any_hex_digit_and_exact_patterns_one_tag()
    {
        var overlay = DicomTagPattern.Parse("(60xx,3000)");
        Assert.False(overlay.IsExact);
        Assert.Equal((0x60003000u, 0xFF00FFFFu), (overlay.Value, overlay.Mask));
        Assert.True(overlay.Matches(0x60003000));
        Assert.True(overlay.Matches(0x601E3000));
        Assert.False(overlay.Matches(0x60003001));
        Assert.False(overlay.Matches(0x50003000));

        var curve = DicomTagPattern.Parse("(50XX,XXXX)");
        Assert.True(curve.Matches(0x50FF1234));
        Assert.False(curve.Matches(0x51001234));

        var patientId = DicomTagPattern.Parse("00100020");
        Assert.True(patientId.IsExact);
        Assert.True(patientId.Matches(0x00100020));
        Assert.False(patientId.Matches(0x00100021));
    }

    [Theory]
    [InlineData("(0010,002)")]
    [InlineData("(0010,002G)")]
    [InlineData("")]
    [InlineData("(0010,0020,0)")]
    public void Text_of_another_form_is_no_pattern(string text)
    {
        Assert.Null(DicomTagPattern.TryParse(text));
        Assert.Throws<FormatException>(() => DicomTagPattern.Parse(text));
    }
}
