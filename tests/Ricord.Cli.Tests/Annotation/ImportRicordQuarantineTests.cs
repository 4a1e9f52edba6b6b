using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;
using Ricord.Cli.Tests.Commands;
using Ricord.Dicom;
using Ricord.Testing;

namespace Ricord.Cli.Tests.Annotation;

/// <summary>
/// A quarantine released by a curator stays released when the import is run again (issue 18): import-ricord holds an
/// image with burned-in text back (exit 5), `quarantine release` ingests it as published (its own SOP Instance UID, not a
/// remapped one), and the same import again exits 0 with nothing quarantined; the release is also refused for --deidentify
/// into the collection kept as published (a collection holds one kind of identifiers).
/// </summary>
public sealed class ImportRicordQuarantineTests(SynthRelease release) : IClassFixture<SynthRelease>
{
    [Fact]
    public async Task A_released_image_stays_released_when_the_import_runs_again()
    {
        string staged = release.NewFolder("staged"), images = release.NewFolder("tcia"), data = release.NewFolder("data");
        var files = new List<string>();
        string? held = null;
        foreach (string f in release.CtFiles)
        {
            string copy = Path.Combine(staged, files.Count + ".dcm");
            var dicom = DicomFile.Open(f);
            if (held is null && dicom.Dataset.GetString(DicomTags.Modality) == "CT")
            {
                dicom.Dataset.SetString(DicomTags.BurnedInAnnotation, DicomVR.CS, "YES");
                held = dicom.Dataset.GetString(DicomTags.SOPInstanceUID);
            }

            dicom.Save(copy);
            files.Add(copy);
        }

        ReleaseLayouts.Tcia(files, images);
        string[] args = ["import-ricord", "--annotations", release.CtExport, "--images", images, "--collection", "MIDRC-RICORD-1A", "--site", "419639",
            "--as", "cur", "--data", data];
        var first = InProcessCli.Run(args);
        Assert.True(first.Code == ExitCodes.PartialSuccess, first.Out + first.Err);
        var entry = Assert.Single(await QuarantineCommandTests.EntriesAsync(data));
        Assert.Equal(QuarantineReason.BurnedInAnnotationRisk, entry.Reason);

        var released = InProcessCli.Run("quarantine", "release", entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", data);
        Assert.True(released.Code == 0, released.Out + released.Err);
        Assert.True(await HasInstanceAsync(data, held!), "released as published: its own SOP Instance UID");

        var again = InProcessCli.Run(args);
        Assert.True(again.Code == 0, again.Out + again.Err);
        Assert.Empty(await QuarantineCommandTests.EntriesAsync(data));

        var mixed = InProcessCli.Run([.. args, "--deidentify"]);
        Assert.Equal(ExitCodes.InvalidInput, mixed.Code);
        Assert.Contains("holds identifiers as published", mixed.Err, StringComparison.Ordinal);
    }

    private static async Task<bool> HasInstanceAsync(string data, string sop)
    {
        var db = CatalogDbContextFactory.Create(new CatalogOptions { Provider = CatalogProvider.Sqlite, DataDirectory = data });
        await using (db)
        {
            bool found = await db.Instances.AnyAsync(i => i.SopInstanceUid == sop);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return found;
        }
    }
}
