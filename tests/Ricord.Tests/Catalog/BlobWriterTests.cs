using Ricord.Catalog;
using Ricord.Tests.Storage;

namespace Ricord.Tests.Catalog;

/// <summary>When a blob intent's writer counts as gone (docs/ingest.md, "What cleans up what").</summary>
public sealed class BlobWriterTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void ThisProcessRuns() => Assert.True(BlobWriter.Current.MayBeRunning(DateTime.UtcNow.AddDays(-1), Hour));

    [Fact]
    public async Task ADeadPidOrAReusedOneDoesNotRun()
    {
        var now = DateTime.UtcNow;
        Assert.False((BlobWriter.Current with { ProcessId = await AbandonedWriteSweepTests.DeadProcessIdAsync() }).MayBeRunning(now, Hour));
        Assert.False((BlobWriter.Current with { StartedAt = BlobWriter.Current.StartedAt.AddMinutes(-5) }).MayBeRunning(now, Hour));
    }

    [Fact]
    public void AnotherHostRunsUntilTheAgeRule()
    {
        var other = new BlobWriter("ricord-test-other-host", 1, DateTime.UtcNow);
        Assert.True(other.MayBeRunning(DateTime.UtcNow.AddMinutes(-59), Hour));
        Assert.False(other.MayBeRunning(DateTime.UtcNow.AddMinutes(-61), Hour));
    }
}
