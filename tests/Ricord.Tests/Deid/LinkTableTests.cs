using Microsoft.Data.Sqlite;
using Ricord.Deid;

namespace Ricord.Tests.Deid;

public sealed class LinkTableTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ricord-link-" + Guid.NewGuid().ToString("N"));

    private string DbPath => Path.Combine(_dir, "secrets", "link.db");

    [Fact]
    public void Pseudonyms_are_numbered_per_collection_and_site()
    {
        using var t = new SqliteLinkTable(DbPath);
        Assert.Equal("RICORD-1A-419639-000001", t.GetOrCreatePseudonym("RICORD-1A", "419639", "A"));
        Assert.Equal("RICORD-1A-419639-000002", t.GetOrCreatePseudonym("RICORD-1A", "419639", "B"));
        Assert.Equal("RICORD-1A-419639-000001", t.GetOrCreatePseudonym("RICORD-1A", "419639", "A"));
        Assert.Equal("RICORD-1A-660042-000001", t.GetOrCreatePseudonym("RICORD-1A", "660042", "A"));
        Assert.Equal("RICORD-1B-419639-000001", t.GetOrCreatePseudonym("RICORD-1B", "419639", "A"));
    }

    [Fact]
    public void A_batch_links_its_new_patients_in_order_as_one_by_one_and_they_survive_reopening()
    {
        PatientLink b, c;
        using (var t = new SqliteLinkTable(DbPath))
        {
            var a = t.GetOrCreatePatient("RICORD-1A", "419639", "A", DateShiftRange.Default);
            // Repeats, a known patient, and IDs that cannot be linked are taken in their stride; new ones numbered in order.
            t.GetOrCreatePatients("RICORD-1A", "419639", ["C", "A", "", "B", "C", "  "], DateShiftRange.Default);
            Assert.Equal("RICORD-1A-419639-000001", a.Pseudonym);
            c = t.GetOrCreatePatient("RICORD-1A", "419639", "C", DateShiftRange.Default);
            b = t.GetOrCreatePatient("RICORD-1A", "419639", "B", DateShiftRange.Default);
            Assert.Equal("RICORD-1A-419639-000002", c.Pseudonym);
            Assert.Equal("RICORD-1A-419639-000003", b.Pseudonym);
            Assert.Equal(3, t.PatientCount());
            // An invalid site is refused by the one-by-one call, and links nothing in a batch.
            t.GetOrCreatePatients("RICORD-1A", "bad-site", ["D"], DateShiftRange.Default);
            Assert.Equal(3, t.PatientCount());
        }

        // Committed: a fresh process (no cache) finds the same links.
        SqliteConnection.ClearAllPools();
        using var reopened = new SqliteLinkTable(DbPath);
        Assert.Equal(c, Assert.Single(reopened.FindPatient("419639", "C", "RICORD-1A")).Link);
        Assert.Equal(b, Assert.Single(reopened.FindPatient("419639", "B", "RICORD-1A")).Link);
    }

    [Fact]
    public void Pseudonyms_offsets_and_key_survive_reopening()
    {
        string p1, p2;
        int o1;
        byte[] key;
        using (var t = new SqliteLinkTable(DbPath))
        {
            p1 = t.GetOrCreatePseudonym("RICORD-1C", "SITE2", "MRN-1");
            p2 = t.GetOrCreatePseudonym("RICORD-1C", "440808", "MRN-1");
            o1 = t.GetDateOffsetDays("RICORD-1C", "SITE2", "MRN-1");
            key = t.GetKey();
        }

        SqliteConnection.ClearAllPools();
        using var reopened = new SqliteLinkTable(DbPath);
        Assert.Equal(p1, reopened.GetOrCreatePseudonym("RICORD-1C", "SITE2", "MRN-1"));
        Assert.Equal(p2, reopened.GetOrCreatePseudonym("RICORD-1C", "440808", "MRN-1"));
        Assert.Equal(o1, reopened.GetDateOffsetDays("RICORD-1C", "SITE2", "MRN-1"));
        Assert.Equal(key, reopened.GetKey());
        Assert.Equal(32, key.Length);
        Assert.Equal("RICORD-1C-SITE2-000002", reopened.GetOrCreatePseudonym("RICORD-1C", "SITE2", "MRN-2"));
    }

    [Fact]
    public void Same_patient_in_a_later_batch_gets_the_same_uids_and_pseudonym()
    {
        var engine = new Deidentifier();
        string first, firstStudy;
        using (var t = new SqliteLinkTable(DbPath))
        {
            var (_, r, ds) = DeidTestSupport.DeidentifyAndWrite(PhiFixture.Build(), new DeidContext(t, "RICORD-1A", "419639"), engine);
            first = r.Pseudonym;
            firstStudy = ds.GetString(PhiFixture.T(0x0020000D))!;
        }

        SqliteConnection.ClearAllPools();
        using var again = new SqliteLinkTable(DbPath);
        var (_, r2, ds2) = DeidTestSupport.DeidentifyAndWrite(PhiFixture.Build(2), new DeidContext(again, "RICORD-1A", "419639"), new Deidentifier());
        Assert.Equal(first, r2.Pseudonym);
        Assert.Equal(firstStudy, ds2.GetString(PhiFixture.T(0x0020000D)));
    }

    [Fact]
    public void Concurrent_ingest_gives_unique_contiguous_pseudonyms()
    {
        using var shared = new SqliteLinkTable(DbPath);
        var results = new System.Collections.Concurrent.ConcurrentBag<(string Id, string Pseudonym)>();
        var threads = Enumerable.Range(0, 4).Select(thread => new Thread(() =>
        {
            // Each thread its own table object (as separate processes would have), all on one file;
            // patients overlap between threads so the same patient races from several sides.
            using var mine = new SqliteLinkTable(DbPath);
            for (int i = 0; i < 250; i++)
            {
                string id = $"P{(i * 4 + thread) % 600}";
                results.Add((id, mine.GetOrCreatePseudonym("RICORD-1A", "419639", id)));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var byPatient = results.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Select(r => r.Pseudonym).Distinct().ToList());
        Assert.All(byPatient.Values, p => Assert.Single(p));
        var numbers = byPatient.Values.Select(p => int.Parse(p[0][^6..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(1, byPatient.Count), numbers);
        Assert.Equal(byPatient.Count, shared.PatientCount());
    }

    [Fact]
    public void Thousand_distinct_patients_from_four_threads()
    {
        var table = new InMemoryLinkTable();
        var all = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 4, t =>
        {
            for (int i = 0; i < 250; i++)
            {
                all.Add(table.GetOrCreatePseudonym("RICORD-1A", "419639", $"T{t}-{i}"));
            }
        });

        Assert.Equal(1000, all.Distinct().Count());
        Assert.Equal("RICORD-1A-419639-001000", all.Max());
    }

    [Fact]
    public void File_is_private_to_its_owner()
    {
        using var t = new SqliteLinkTable(DbPath);
        t.GetKey();
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DbPath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(DbPath)!));
        }
    }

    [Fact]
    public void Nothing_prints_an_original_identifier()
    {
        using var t = new SqliteLinkTable(DbPath);
        var link = t.GetOrCreatePatient("RICORD-1A", "419639", "MRN7730041", DateShiftRange.Default);
        Assert.DoesNotContain("MRN7730041", t.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("MRN7730041", link.ToString(), StringComparison.Ordinal);
        var mem = new InMemoryLinkTable();
        mem.GetOrCreatePseudonym("RICORD-1A", "419639", "MRN7730041");
        Assert.DoesNotContain("MRN7730041", mem.ToString(), StringComparison.Ordinal);

        var ex = Assert.Throws<DeidentificationException>(() => t.GetOrCreatePseudonym("ricord 1a", "419639", "MRN7730041"));
        Assert.DoesNotContain("MRN7730041", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pseudonym_reads_only_one_way_because_site_codes_have_no_dash()
    {
        using var t = new SqliteLinkTable(DbPath);
        Assert.Equal("A-B-C-000001", t.GetOrCreatePseudonym("A-B", "C", "MRN1"));
        var ex = Assert.Throws<DeidentificationException>(() => t.GetOrCreatePseudonym("A", "B-C", "MRN1"));
        Assert.Contains("site code", ex.Message, StringComparison.Ordinal);
        Assert.Throws<DeidentificationException>(() => new InMemoryLinkTable().GetOrCreatePseudonym("A", "B-C", "MRN1"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
