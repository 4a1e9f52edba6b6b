using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;
using Ricord.Synth;
using Ricord.Testing;

namespace Ricord.Cli.Tests.Commands;

/// <summary>`ricord ingest` never loads EF Core (whose service provider and model cost a process about half a
/// second), neither on a fresh data directory (the catalog is created from the embedded script) nor on an existing
/// one. The child process records the runtime's own assembly-load events (EventPipe, enabled by DOTNET_*
/// variables), so no code path exists for the test's sake.</summary>
public sealed partial class IngestStartupTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ricord-ingest-startup-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public Task Ingest_on_sqlite_does_not_load_ef_core() =>
        IngestTwiceAsync(new Dictionary<string, string>(), new CatalogOptions { DataDirectory = Path.Combine(_root, "data") });

    [PostgresFact]
    public async Task Ingest_on_postgres_does_not_load_ef_core()
    {
        var (name, cs) = await TestPostgres.CreateDatabaseAsync("ricord_startup");
        try
        {
            var environment = new Dictionary<string, string> { ["RICORD_CATALOG_PROVIDER"] = "postgres", ["RICORD_CATALOG_CONNECTION"] = cs };
            await IngestTwiceAsync(environment, new CatalogOptions { Provider = CatalogProvider.Postgres, ConnectionString = cs });
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(name);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task IngestTwiceAsync(Dictionary<string, string> environment, CatalogOptions catalog)
    {
        // Messy: duplicates, conflicts and quarantined files too, so every catalog call of ingest runs.
        await new SynthGenerator(new SynthOptions { Seed = 3, Sites = 1, CtPatients = 1, CxrPatients = 2, Slices = 8, CxrSize = 64, Messy = true })
            .RunAsync(Path.Combine(_root, "synth"));
        var site = Directory.GetDirectories(Path.Combine(_root, "synth", "sites")).Single();
        foreach (var run in new[] { "fresh", "existing" })
        {
            var trace = Path.Combine(_root, run + ".nettrace");
            environment["DOTNET_EnableEventPipe"] = "1";
            environment["DOTNET_EventPipeOutputPath"] = trace;
            environment["DOTNET_EventPipeConfig"] = "Microsoft-Windows-DotNETRuntime:0x8:4"; // Loader keyword
            environment["DOTNET_EventPipeRundown"] = "0";
            using (var cli = CliProcess.Start(environment, "ingest", Path.Combine(site, "dicom") + "=S1", "--collection", "C", "--data", Path.Combine(_root, "data")))
            {
                Assert.True(await cli.WaitAsync(TimeSpan.FromMinutes(2)) is 0 or 5, cli.Output);
            }

            var loaded = LoadedAssemblies(await File.ReadAllBytesAsync(trace));
            Assert.Contains(catalog.Provider == CatalogProvider.Sqlite ? "Microsoft.Data.Sqlite" : "Npgsql", loaded); // the events are there
            Assert.DoesNotContain(loaded, a => a.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        }

        // What the two runs made is a complete catalog, as EF Core sees it.
        await using var db = CatalogDbContextFactory.Create(catalog);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.True(await db.Instances.CountAsync() > 0);
        Assert.Equal(2, await db.AuditEvents.CountAsync());
    }

    /// <summary>The names in the trace's AssemblyLoad events (UTF-16 "Name, Version=…"), read at both byte alignments.</summary>
    private static HashSet<string> LoadedAssemblies(byte[] trace)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var offset = 0; offset < 2; offset++)
        {
            var text = Encoding.Unicode.GetString(trace, offset, (trace.Length - offset) & ~1);
            names.UnionWith(AssemblyName().Matches(text).Select(m => m.Groups[1].Value));
        }

        return names;
    }

    [GeneratedRegex(@"([A-Za-z0-9_.]+), Version=\d")]
    private static partial Regex AssemblyName();
}
