using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;
using Ricord.Synth;
using Ricord.Testing;

namespace Ricord.Cli.Tests.Commands;

/// <summary>`ricord quarantine list|show|release|drop` on what a real ingest held back: a burned-in-annotation risk is
/// released after review (indexed, entry gone), an unreadable input cannot be released and says what to do, an entry
/// is dropped for good; nothing printed names a path.</summary>
public sealed class QuarantineCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ricord-quarantine-cli-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task List_show_release_and_drop()
    {
        // One site's export with the dose report screens (burned-in risk), the messy defects, and a named pipe.
        var options = new SynthOptions { Seed = 3, Sites = 1, CtPatients = 1, CxrPatients = 1, Slices = 8, CxrSize = 64, Messy = true };
        await new SynthGenerator(options).RunAsync(Path.Combine(_root, "synth"));
        string site = Directory.GetDirectories(Path.Combine(_root, "synth", "sites")).Single(), input = Path.Combine(site, "dicom");
        NamedPipe.Create(Path.Combine(input, "k5521.dcm"));

        string data = Path.Combine(_root, "data");
        var ingest = await Task.Run(() => InProcessCli.Run("ingest", input, "--collection", "C", "--site", Path.GetFileName(site), "--data", data))
            .WaitAsync(TimeSpan.FromMinutes(2)); // the pipe must not hang it
        Assert.Equal(ExitCodes.PartialSuccess, ingest.Code);

        var entries = await EntriesAsync(data);
        var burnedIn = entries.First(e => e.Reason == QuarantineReason.BurnedInAnnotationRisk);
        var unreadable = entries.Single(e => e.Reason == QuarantineReason.Unreadable);
        Assert.Contains(entries, e => e.Reason == QuarantineReason.NotDicom);
        Assert.Contains(entries, e => e.Reason == QuarantineReason.Truncated);
        int instances = await InstanceCountAsync(data);

        var list = InProcessCli.Run("quarantine", "list", "--data", data);
        Assert.Equal(0, list.Code);
        Assert.Contains($"{entries.Count} entries", list.Out, StringComparison.Ordinal);

        var show = InProcessCli.Run("quarantine", "show", unreadable.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", data);
        Assert.Equal(0, show.Code);
        Assert.Contains("no bytes kept", show.Out, StringComparison.Ordinal);
        Assert.Contains("not a regular file", show.Out, StringComparison.Ordinal);
        var shown = InProcessCli.Run("quarantine", "show", burnedIn.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", data);
        Assert.Contains("sha-256:", shown.Out, StringComparison.Ordinal);

        // Nothing to review in an input that could not be read: refused, with what to do instead.
        var refused = InProcessCli.Run("quarantine", "release", unreadable.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", data);
        Assert.Equal(ExitCodes.InvalidInput, refused.Code);
        Assert.Contains("cannot be released", refused.Err, StringComparison.Ordinal);

        // A reviewed burned-in risk is taken: indexed, and its entry gone.
        var released = InProcessCli.Run("quarantine", "release", burnedIn.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", data);
        Assert.Equal(0, released.Code);
        Assert.Equal(instances + 1, await InstanceCountAsync(data));
        Assert.DoesNotContain(await EntriesAsync(data), e => e.Id == burnedIn.Id);

        var dropped = InProcessCli.Run("quarantine", "drop", unreadable.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", data);
        Assert.Equal(0, dropped.Code);
        Assert.Equal(entries.Count - 2, (await EntriesAsync(data)).Count);

        foreach (var text in new[] { ingest.Out, ingest.Err, list.Out, show.Out, shown.Out, refused.Err, released.Out, dropped.Out })
        {
            Assert.DoesNotContain(_root, text, StringComparison.Ordinal);
            Assert.DoesNotContain("k5521", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Release_with_blank_paints_the_text_band_and_audits_the_rule()
    {
        var options = new SynthOptions { Seed = 5, Sites = 1, CtPatients = 1, CxrPatients = 1, Slices = 8, CxrSize = 64 };
        await new SynthGenerator(options).RunAsync(Path.Combine(_root, "synth"));
        string site = Directory.GetDirectories(Path.Combine(_root, "synth", "sites")).Single();
        string data = Path.Combine(_root, "data");
        var ingest = InProcessCli.Run("ingest", Path.Combine(site, "dicom"), "--collection", "C", "--site", Path.GetFileName(site), "--data", data);
        Assert.Equal(ExitCodes.PartialSuccess, ingest.Code);
        var burnedIn = (await EntriesAsync(data)).First(e => e.Reason == QuarantineReason.BurnedInAnnotationRisk);
        Assert.Empty(ScreenSaves(data));

        var released = InProcessCli.Run("quarantine", "release", burnedIn.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--blank", "--data", data);
        Assert.Equal(0, released.Code);

        var stored = Assert.Single(ScreenSaves(data));
        Assert.Equal("NO", stored.GetString(new Ricord.Dicom.DicomTag(0x00280301)));
        int columns = stored.GetInt(new Ricord.Dicom.DicomTag(0x00280011))!.Value;
        var pixels = stored[new Ricord.Dicom.DicomTag(0x7FE00010)]!.Bytes;
        Assert.True(pixels[..(200 * columns)].IndexOfAnyExcept((byte)0) < 0, "the text band is not blank");

        var db = CatalogDbContextFactory.Create(new CatalogOptions { Provider = CatalogProvider.Sqlite, DataDirectory = data });
        await using (db)
        {
            Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "quarantine-blank" && a.Detail!.Contains("screen-save-512-text-band")));
        }
    }

    /// <summary>Every stored instance whose ImageType says SCREEN SAVE.</summary>
    private static List<Ricord.Dicom.DicomDataset> ScreenSaves(string data) =>
        [.. Directory.EnumerateFiles(Path.Combine(data, "blobs"), "*", SearchOption.AllDirectories)
            .Select(f => { try { return Ricord.Dicom.DicomFile.Open(f).Dataset; } catch (Ricord.Dicom.DicomFormatException) { return null; } })
            .OfType<Ricord.Dicom.DicomDataset>()
            .Where(d => d.GetStrings(new Ricord.Dicom.DicomTag(0x00080008)).Contains("SCREEN SAVE"))];

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    internal static async Task<List<QuarantineEntry>> EntriesAsync(string data)
    {
        var db = CatalogDbContextFactory.Create(new CatalogOptions { Provider = CatalogProvider.Sqlite, DataDirectory = data });
        await using (db)
        {
            var entries = await db.QuarantineEntries.OrderBy(q => q.Id).ToListAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return entries;
        }
    }

    internal static async Task<int> InstanceCountAsync(string data)
    {
        var db = CatalogDbContextFactory.Create(new CatalogOptions { Provider = CatalogProvider.Sqlite, DataDirectory = data });
        await using (db)
        {
            int n = await db.Instances.CountAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return n;
        }
    }
}
