using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;
using Ricord.Synth;

namespace Ricord.Cli.Tests.Commands;

/// <summary>`ricord ingest PATH=SITE…`: several sites in one process, each instance indexed under its own site,
/// as many per site as one run per site gives (UIDs differ: each data directory has its own link-table key);
/// inputs without a site are refused.</summary>
public sealed class IngestCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ricord-ingest-cli-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Several_sites_in_one_run_equal_one_run_per_site()
    {
        var options = new SynthOptions { Seed = 5, Sites = 2, CtPatients = 1, CxrPatients = 4, Slices = 8, CxrSize = 128 };
        await new SynthGenerator(options).RunAsync(Path.Combine(_root, "synth"));
        var sites = Directory.GetDirectories(Path.Combine(_root, "synth", "sites")).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(2, sites.Length);
        string together = Path.Combine(_root, "together"), apart = Path.Combine(_root, "apart");

        string[] args = ["ingest", .. sites.Select(s => Path.Combine(s, "dicom") + "=" + Path.GetFileName(s)), "--collection", "C", "--data", together];
        Assert.True(Run(args) is 0 or 5);
        foreach (var site in sites)
        {
            Assert.True(Run("ingest", Path.Combine(site, "dicom"), "--collection", "C", "--site", Path.GetFileName(site), "--data", apart) is 0 or 5);
        }

        var expected = await InstancesBySiteAsync(apart);
        Assert.Equal(sites.Select(Path.GetFileName), expected.Select(e => e.Site));
        Assert.All(expected, e => Assert.True(e.Instances > 0));
        Assert.Equal(expected, await InstancesBySiteAsync(together));

        // One pass for all sites, yet each site's quarantine entries and audit record (with its own counts) as apart.
        var (quarantinedApart, auditApart) = await QuarantineAndAuditAsync(apart);
        Assert.Contains(quarantinedApart, q => q.Entries > 0);
        Assert.Equal(sites.Length, auditApart.Count);
        var (quarantinedTogether, auditTogether) = await QuarantineAndAuditAsync(together);
        Assert.Equal(quarantinedApart, quarantinedTogether);
        Assert.Equal(auditApart, auditTogether);
    }

    [Fact]
    public void An_input_without_a_site_is_a_usage_error()
    {
        Directory.CreateDirectory(_root);
        Assert.Equal(ExitCodes.Usage, Run("ingest", _root, "--collection", "C", "--data", Path.Combine(_root, "data")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>(site code, instances indexed) per site, sorted.</summary>
    private static async Task<List<(string? Site, int Instances)>> InstancesBySiteAsync(string data)
    {
        var db = CatalogDbContextFactory.Create(new CatalogOptions { Provider = CatalogProvider.Sqlite, DataDirectory = data });
        await using (db)
        {
            var rows = await (from i in db.Instances
                              join st in db.Studies on i.StudyId equals st.Id
                              join s in db.Sites on st.SiteId equals s.Id
                              select new { s.Code, i.SopInstanceUid }).ToListAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return [.. rows.GroupBy(r => r.Code).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key, StringComparer.Ordinal)];
        }
    }

    /// <summary>Quarantine entries per (site, reason) and the ingest audit records (target, detail), sorted.</summary>
    private static async Task<(List<(string? Site, QuarantineReason Reason, int Entries)>, List<string>)> QuarantineAndAuditAsync(string data)
    {
        var db = CatalogDbContextFactory.Create(new CatalogOptions { Provider = CatalogProvider.Sqlite, DataDirectory = data });
        await using (db)
        {
            var quarantined = await (from q in db.QuarantineEntries
                                     join s in db.Sites on q.SiteId equals s.Id
                                     select new { s.Code, q.Reason }).ToListAsync();
            var audit = await db.AuditEvents.Where(a => a.Action == "ingest").Select(a => a.Target + ": " + a.Detail).ToListAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return ([.. quarantined.GroupBy(q => (q.Code, q.Reason)).Select(g => (g.Key.Code, g.Key.Reason, g.Count())).OrderBy(g => g.Code, StringComparer.Ordinal).ThenBy(g => g.Reason)],
                [.. audit.Order(StringComparer.Ordinal)]);
        }
    }

    private static int Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        return CliApp.Run(args, stdout, stderr);
    }
}
