using System.Buffers.Binary;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ricord.Cli.Tests.Release;

/// <summary>
/// The dataset card's plots (PNG, linked from README.md, listed in the manifest, the same bytes in a second build) and
/// the manifest's de-identification section (the profile ingest recorded for every released instance, with options).
/// </summary>
[Collection(ReleaseCollection.Name)]
public sealed partial class ReleaseCardTests(ReleasePipeline pipeline)
{
    [Fact]
    public void The_card_links_its_plots_which_are_pngs_in_the_manifest_and_rebuild_byte_identical()
    {
        string card = File.ReadAllText(Path.Combine(pipeline.Release, "README.md"));
        var links = Link().Matches(card).Select(m => m.Groups["path"].Value).ToList();
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(pipeline.Release, "manifest.json")));
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).ToHashSet(StringComparer.Ordinal);

        // Labels per site and agreement for both projects, CT volumes (the CT readers drew), slice thickness.
        Assert.Contains("plots/labels_RICORD-CXR.png", links);
        Assert.Contains("plots/agreement_RICORD-CXR.png", links);
        Assert.Contains("plots/labels_RICORD-CT.png", links);
        Assert.Contains("plots/segmentation_volumes.png", links);
        Assert.Contains("plots/slice_thickness.png", links);
        Assert.Equal(listed.Where(p => p.StartsWith("plots/", StringComparison.Ordinal)).Order(StringComparer.Ordinal), links.Order(StringComparer.Ordinal));
        foreach (string link in links)
        {
            var png = File.ReadAllBytes(Path.Combine(pipeline.Release, link));
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
            Assert.Equal(800, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
            Assert.Equal(450, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
            Assert.True(png.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(pipeline.Rebuild, link))), $"{link} differs between two builds");
        }
    }

    [Fact]
    public void The_manifest_lists_the_profile_ingest_applied_to_every_released_instance()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(pipeline.Release, "manifest.json")));
        var deid = manifest.RootElement.GetProperty("deidentification");
        int instances = Ricord.Release.CsvReader.ReadFile(Path.Combine(pipeline.Release, "instances.csv")).Count;
        var profile = Assert.Single(deid.GetProperty("profiles").EnumerateArray());
        Assert.Equal(instances, profile.GetProperty("instances").GetInt32());
        Assert.Equal(0, deid.GetProperty("instancesWithoutRecordedProfile").GetInt32());
        Assert.Equal("RICORD", profile.GetProperty("profile").GetProperty("name").GetString());
        Assert.NotEmpty(profile.GetProperty("profile").GetProperty("options").EnumerateArray());
        Assert.Matches("^[0-9a-f]{64}$", profile.GetProperty("sha256").GetString()!);
    }

    [GeneratedRegex(@"!\[[^\]]*\]\((?<path>plots/[^)]+\.png)\)")]
    private static partial Regex Link();
}
