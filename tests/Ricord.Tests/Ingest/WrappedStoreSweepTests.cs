using Ricord.Catalog;
using Ricord.Storage;
using Ricord.Tests.Storage;

namespace Ricord.Tests.Ingest;

/// <summary>The start-up sweep belongs to the blob store, so a store that wraps another (a test's crashing store,
/// the bench's timed one) still has a crashed writer's temp files removed.</summary>
public sealed class WrappedStoreSweepTests
{
    [Fact]
    public async Task Ingest_through_a_wrapped_store_sweeps_a_dead_writers_temp_files()
    {
        await using var bed = await IngestTestBed.CreateAsync(CatalogProvider.Sqlite);
        var dir = Path.Combine(((FileSystemBlobStore)bed.Data.Blobs).Root, "instances");
        Directory.CreateDirectory(dir);
        string abandoned = AbandonedWriteSweepTests.Temp(dir, "draft", AbandonedWriteSweepTests.ThisHost,
            await AbandonedWriteSweepTests.DeadProcessIdAsync());

        var report = await bed.IngestAsync(new CrashingBlobStore(bed.Data.Blobs, int.MaxValue));

        Assert.Equal(0, report.Processed);
        Assert.False(File.Exists(abandoned));
    }
}
