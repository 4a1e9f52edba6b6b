using Ricord.Catalog;
using Ricord.Dicom;
using Ricord.Synth;

namespace Ricord.Cli.Tests.Commands;

/// <summary>
/// A quarantine release is remembered (issue 14, item 7): ingest → burned-in risk quarantined → `quarantine release` →
/// the same input ingested again exits 0 and is not quarantined again; other content with the same risk still is.
/// </summary>
public sealed class QuarantineReleaseRememberedTests : IDisposable
{
    private const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ricord-released-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task The_same_input_ingested_after_a_release_is_not_quarantined_again()
    {
        var options = new SynthOptions { Seed = 4, Sites = 1, CtPatients = 1, CxrPatients = 0, Slices = 8 };
        await new SynthGenerator(options).RunAsync(Path.Combine(_root, "synth"));
        var files = Directory.GetFiles(Path.Combine(_root, "synth", "sites"), "*", SearchOption.AllDirectories)
            .Where(f => f.Contains("dicom", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Where(f => DicomFile.Open(f).Dataset.GetString(DicomTags.SOPClassUID) == CtImageStorage).ToList();
        string input = Path.Combine(_root, "input"), other = Path.Combine(_root, "other");
        Directory.CreateDirectory(input);
        Directory.CreateDirectory(other);
        // Risky by a rule the curator has to review: BurnedInAnnotation YES.
        BurnedIn(files[0], Path.Combine(input, "a.dcm"), "1");
        File.Copy(files[1], Path.Combine(input, "b.dcm"));
        BurnedIn(files[0], Path.Combine(other, "c.dcm"), "2");

        string data = Path.Combine(_root, "data");
        string[] ingest = ["ingest", input, "--collection", "C", "--site", "419639", "--data", data];
        var first = InProcessCli.Run(ingest);
        Assert.True(first.Code == ExitCodes.PartialSuccess, first.Out + first.Err);
        var entry = Assert.Single(await EntriesAsync(data));
        Assert.Equal(QuarantineReason.BurnedInAnnotationRisk, entry.Reason);
        var listed = InProcessCli.Run("quarantine", "list", "--json", "--data", data);
        Assert.Equal(0, listed.Code);
        using (var doc = System.Text.Json.JsonDocument.Parse(listed.Out))
        {
            var item = Assert.Single(doc.RootElement.EnumerateArray());
            Assert.Equal((entry.Id, "BurnedInAnnotationRisk"), (item.GetProperty("id").GetInt64(), item.GetProperty("reason").GetString()));
        }

        var released = InProcessCli.Run("quarantine", "release", entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", data);
        Assert.True(released.Code == 0, released.Out + released.Err);
        Assert.Empty(await EntriesAsync(data));
        Assert.Equal(2, await InstanceCountAsync(data));

        // Again, twice: exit 0, nothing quarantined, nothing added.
        for (int run = 0; run < 2; run++)
        {
            var again = InProcessCli.Run(ingest);
            Assert.True(again.Code == ExitCodes.Success, again.Out + again.Err);
            Assert.Empty(await EntriesAsync(data));
            Assert.Equal(2, await InstanceCountAsync(data));
        }

        // The release covered that input only: other content with the same risk is still held back.
        var fresh = InProcessCli.Run("ingest", other, "--collection", "C", "--site", "419639", "--data", data);
        Assert.Equal(ExitCodes.PartialSuccess, fresh.Code);
        Assert.Equal(QuarantineReason.BurnedInAnnotationRisk, Assert.Single(await EntriesAsync(data)).Reason);

        // The memory in the secrets folder names content hashes only.
        var marker = Assert.Single(Directory.GetFiles(Path.Combine(data, "secrets"), "*", SearchOption.AllDirectories),
            f => Path.GetFileName(Path.GetDirectoryName(f)) == "released");
        Assert.Matches("^[0-9a-f]{64}$", Path.GetFileName(marker));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static void BurnedIn(string source, string target, string instanceNumber)
    {
        var file = DicomFile.Open(source);
        file.Dataset.SetString(DicomTags.BurnedInAnnotation, DicomVR.CS, "YES");
        file.Dataset.SetString(DicomTags.ImageComments, DicomVR.LT, "copy " + instanceNumber);
        file.Save(target);
    }

    private static Task<List<QuarantineEntry>> EntriesAsync(string data) => QuarantineCommandTests.EntriesAsync(data);

    private static Task<int> InstanceCountAsync(string data) => QuarantineCommandTests.InstanceCountAsync(data);
}
