namespace Ricord.Dicom.Tests.Model;

public sealed class DicomTagTests
{
    [Theory]
    [InlineData("(0010,0020)", 0x00100020u)]
    [InlineData("0010,0020", 0x00100020u)]
    [InlineData("00100020", 0x00100020u)]
    [InlineData("(7fe0,0010)", 0x7FE00010u)]
    public void Parses_common_notations(string text, uint value) => Assert.Equal(value, DicomTag.Parse(text).Value);

    [Theory]
    [InlineData("")]
    [InlineData("(0010,002)")]
    [InlineData("0010002G")]
    [InlineData("(0010,00200)")]
    public void Rejects_malformed_tags(string text) => Assert.False(DicomTag.TryParse(text, out _));

    [Fact]
    public void Knows_private_tags_and_their_creators()
    {
        var t = new DicomTag(0x0009, 0x1001);
        Assert.True(t.IsPrivate);
        Assert.False(t.IsPrivateCreator);
        Assert.Equal(new DicomTag(0x0009, 0x0010), t.PrivateCreatorTag);
        Assert.True(new DicomTag(0x0029, 0x0011).IsPrivateCreator);
        Assert.False(new DicomTag(0x0010, 0x0010).IsPrivate);
        Assert.False(new DicomTag(0xFFFF, 0x0010).IsPrivate);
        Assert.Equal("(7FE0,0010)", new DicomTag(0x7FE00010).ToString());
        Assert.True(new DicomTag(0x0008, 0x0000).IsGroupLength);
    }
}
