using Ricord.Deid;
using Ricord.Dicom;

namespace Ricord.Tests.Deid;

/// <summary>De-identification of files as read from disk: the fixture after a Part 10 round trip, and pydicom's real files.</summary>
public sealed class RealFileTests
{
    private const string PydicomFiles = "/usr/lib/python3/dist-packages/pydicom/data/test_files";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fixture_read_back_from_part10_leaks_nothing(bool implicitVr)
    {
        var options = new DicomWriteOptions { TransferSyntax = implicitVr ? DicomTransferSyntax.ImplicitVRLittleEndian : DicomTransferSyntax.ExplicitVRLittleEndian };
        byte[] original = new DicomFile(PhiFixture.Build()).ToBytes(options);
        var file = DicomFile.Read(original);

        var engine = new Deidentifier();
        engine.Apply(file, DeidTestSupport.Context(), out var output);
        byte[] after = output.ToBytes();

        foreach (var (location, planted) in PhiFixture.Locations)
        {
            Assert.False(DeidTestSupport.ContainsText(after, planted), $"{location} leaked ({(implicitVr ? "implicit" : "explicit")} VR)");
        }
    }

    [Theory]
    [InlineData("CT_small.dcm")]
    [InlineData("MR_small.dcm")]
    public void Pydicom_files_lose_their_identifiers(string name)
    {
        string path = Path.Combine(PydicomFiles, name);
        Assert.True(File.Exists(path), $"pydicom's test files are required (python3-pydicom): {path}");
        var file = DicomFile.Open(path);
        var ds = file.Dataset;
        string[] identifiers =
        [
            .. new[] { 0x00100010u, 0x00100020u, 0x0020000Du, 0x0020000Eu, 0x00080018u }
                .Select(t => ds.GetText(new DicomTag(t)))
                .Where(v => !string.IsNullOrWhiteSpace(v) && v.Length >= 4)
                .Select(v => v!),
        ];
        Assert.NotEmpty(identifiers);

        var result = new Deidentifier().Apply(file, DeidTestSupport.Context(), out var output);
        byte[] after = output.ToBytes();

        Assert.All(identifiers, id => Assert.False(DeidTestSupport.ContainsText(after, id), "an identifier survived"));
        var back = DicomFile.Read(after);
        Assert.Equal(result.Pseudonym, back.Dataset.GetString(new DicomTag(0x00100020)));
        Assert.Equal(back.Dataset.GetString(new DicomTag(0x00080018)), back.Meta.GetString(new DicomTag(0x00020003)));
    }
}
