using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;
using Ricord.Storage;

namespace Ricord.Cli.Tests.Commands;

/// <summary>Ctrl+C (SIGINT) during `ricord ingest`: it stops promptly with exit 130 and says that what was committed is
/// kept; no temp file or unreferenced blob stays, and the same command run again finishes the job.</summary>
public sealed class IngestInterruptTests
{
    [Fact]
    public async Task Interrupted_ingest_exits_130_and_a_rerun_finishes()
    {
        string root = Path.Combine(Path.GetTempPath(), "ricord-interrupt-" + Guid.NewGuid().ToString("N")[..12]);
        string data = Path.Combine(root, "data");
        // Enough work that the run is still going when the first blob appears, however quiet the machine (the fixture's
        // small input was sometimes done between two polls).
        var input = IngestCrashFixture.Make(Path.Combine(root, "input"), messy: false, slices: 16, cxrPatients: 120);
        string[] args = ["ingest", input.SiteDicom, "--collection", "RICORD-1A", "--site", IngestCrashFixture.Site, "--data", data, "--parallel", "1"];
        var environment = new Dictionary<string, string>();
        try
        {
            using (var cli = CliProcess.Start(environment, args))
            {
                await IngestCrashTests.UntilAsync(() => cli.HasExited || IngestCrashTests.BlobFiles(data) > 0, TimeSpan.FromSeconds(90));
                Assert.False(cli.HasExited, "the ingest ended before it could be interrupted");
                await cli.InterruptAsync();
                int code = await cli.WaitAsync(TimeSpan.FromMinutes(1));
                Assert.True(code == ExitCodes.Cancelled, $"exit code {code}\n{cli.Output}");
                Assert.Contains("ricord: cancelled", cli.Output, StringComparison.Ordinal);
            }

            var options = new CatalogOptions { Provider = CatalogProvider.Sqlite, DataDirectory = data };
            int kept = await InstanceCountAsync(options);
            Assert.Empty(Directory.EnumerateFiles(data, "*" + InFlightWrites.TempSuffix, SearchOption.AllDirectories));

            using (var cli = CliProcess.Start(environment, args))
            {
                int code = await cli.WaitAsync(TimeSpan.FromMinutes(3));
                Assert.True(code is 0 or 5, $"re-run exit code {code}\n{cli.Output}");
            }

            Assert.True(await InstanceCountAsync(options) > kept);
            await CatalogSnapshot.AssertConsistentAsync(options, data);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static async Task<int> InstanceCountAsync(CatalogOptions options)
    {
        var db = CatalogDbContextFactory.Create(options);
        await using (db)
        {
            return await db.Instances.CountAsync();
        }
    }
}
