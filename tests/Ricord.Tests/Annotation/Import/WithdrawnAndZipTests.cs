using System.IO.Compression;
using Ricord.Annotation.Import;
using Ricord.Annotation.Mdai;

namespace Ricord.Tests.Annotation.Import;

/// <summary>TCIA's withdrawn list as plain lines or CSV; the MD.ai export zipped under any name (one JSON entry), and a
/// zip that holds several is refused by count, never naming a folder.</summary>
[Collection(ReleaseCollection.Name)]
public sealed class WithdrawnAndZipTests(ReleaseFixture fx)
{
    [Fact]
    public void The_withdrawn_list_reads_lines_and_csv_cells_and_refuses_a_file_without_uids()
    {
        string folder = fx.NewFolder("withdrawn");
        string lines = Path.Combine(folder, "w.txt"), csv = Path.Combine(folder, "w.csv"), none = Path.Combine(folder, "none.txt");
        File.WriteAllLines(lines, ["1.2.3.4", "  1.2.3.5  ", "", "not a uid"]);
        File.WriteAllLines(csv, ["Collection,Subject ID,Study UID,Series UID", "MIDRC-RICORD-1C,MIDRC-RICORD-1C-419639-000001,\"1.2.3.6\",1.2.3.7"]);
        File.WriteAllLines(none, ["withdrawn", "nothing here"]);
        Assert.Equal(["1.2.3.4", "1.2.3.5"], WithdrawnList.Read(lines).Order(StringComparer.Ordinal));
        Assert.Equal(["1.2.3.6", "1.2.3.7"], WithdrawnList.Read(csv).Order(StringComparer.Ordinal));
        Assert.Throws<InvalidDataException>(() => WithdrawnList.Read(none));
        Assert.True(WithdrawnList.Read(csv).Covers("9.9", "1.2.3.7"));
        Assert.False(WithdrawnList.Read(csv).Covers("9.9", "9.8"));
    }

    [Fact]
    public void A_zipped_export_reads_as_the_plain_one_and_a_zip_of_two_is_refused()
    {
        string folder = fx.NewFolder("zipped");
        string zipped = Path.Combine(folder, "MIDRC-RICORD-1A-annotations.json_.zip"), two = Path.Combine(folder, "two.zip");
        using (var zip = ZipFile.Open(zipped, ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(fx.CtExport, "export/MIDRC-RICORD-1A-annotations.json");
        }

        using (var zip = ZipFile.Open(two, ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(fx.CtExport, "a.json");
            zip.CreateEntryFromFile(fx.CxrExport, "b.json");
        }

        var plain = MdaiJsonReader.ReadFile(fx.CtExport);
        var fromZip = MdaiJsonReader.ReadFile(zipped);
        Assert.Equal(plain.Annotations.Select(a => a.Id), fromZip.Annotations.Select(a => a.Id));
        var e = Assert.Throws<MdaiFormatException>(() => MdaiJsonReader.ReadFile(two));
        Assert.Contains("holds 2 JSON entries", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(folder, e.Message, StringComparison.Ordinal);
    }
}
