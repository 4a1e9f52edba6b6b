using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;
using Ricord.Tests.Deid;

namespace Ricord.Tests.Ingest;

/// <summary>Blob intents (docs/ingest.md, "What cleans up what"): what a crashed writer left is removed by the next
/// ingest of any input, and what a live writer may still index is left alone.</summary>
internal static class IntentScenarios
{
    /// <summary>This process under an earlier start time: on this host, a writer whose pid now runs another process.</summary>
    private static readonly BlobWriter Crashed = BlobWriter.Current with { StartedAt = BlobWriter.Current.StartedAt.AddDays(-1) };

    /// <summary>A whole batch made durable and never indexed (the writer died), then a *different* input is ingested:
    /// the cut-off blobs (new instances and a changed one) are deleted, the indexed ones kept, no intent remains.</summary>
    public static async Task CrashThenOtherInputLeavesNoOrphan(IngestTestBed bed)
    {
        bed.Write("first/1.dcm", PhiFixture.Build(1));
        Assert.Equal(1, (await bed.IngestAsync(paths: Path.Combine(bed.Input, "first"))).Accepted);
        for (int i = 2; i <= 5; i++)
        {
            bed.Write($"batch/{i}.dcm", PhiFixture.Build(i));
        }

        bed.Write("batch/changed.dcm", IngestScenarios.Changed(PhiFixture.Build(1)));
        await CrashAfterBlobsAsync(bed, Crashed, "batch");
        Assert.Equal(6, (await bed.BlobKeysAsync()).Count);
        Assert.Equal(5, await IntentCountAsync(bed));

        bed.Write("other/6.dcm", PhiFixture.Build(6));
        bed.Write("other/7.dcm", PhiFixture.Build(7));
        var other = await bed.IngestAsync(paths: Path.Combine(bed.Input, "other"));
        Assert.Equal((2L, 0L, 0L), (other.Accepted, other.Duplicates, other.Changed));
        Assert.Equal(3, (await bed.BlobKeysAsync()).Count);
        Assert.Equal(0, await IntentCountAsync(bed));
        await bed.AssertConsistentAsync(); // every blob in the store is an indexed instance's
    }

    /// <summary>Intents of a writer that may still run are not swept: this process's, and another host's younger than
    /// the age rule. Another host's older intent is.</summary>
    public static async Task LiveWritersIntentsAreNotSwept(IngestTestBed bed)
    {
        bed.Write("mine/2.dcm", PhiFixture.Build(2));
        bed.Write("young/3.dcm", PhiFixture.Build(3));
        bed.Write("old/4.dcm", PhiFixture.Build(4));
        await CrashAfterBlobsAsync(bed, BlobWriter.Current, "mine");
        var otherHost = new BlobWriter("ricord-test-other-host", 4242, DateTime.UtcNow.AddDays(-1));
        await CrashAfterBlobsAsync(bed, otherHost, "young");
        await CrashAfterBlobsAsync(bed, otherHost with { ProcessId = 4343 }, "old");
        var live = await bed.BlobKeysAsync();
        Assert.Equal(3, live.Count);
        await using (var db = bed.Db())
        {
            var old = await db.BlobIntents.Where(x => x.ProcessId == 4343).ToListAsync();
            Assert.Single(old);
            old[0].CreatedAt = DateTime.UtcNow.AddHours(-2);
            db.Update(old[0]);
            await db.SaveChangesAsync();
            live.Remove(old[0].BlobKey);
        }

        bed.Write("other/6.dcm", PhiFixture.Build(6));
        Assert.Equal(1, (await bed.IngestAsync(paths: Path.Combine(bed.Input, "other"))).Accepted);
        var after = await bed.BlobKeysAsync();
        Assert.Equal(3, after.Count);
        Assert.Subset(after, live); // the live writers' blobs are still there, the old one's is gone
        Assert.Equal(2, await IntentCountAsync(bed));

        // The live writers finish (this process indexes its own; the other host's is indexed by anyone): nothing left.
        Assert.Equal(3, (await bed.IngestAsync(paths: [Path.Combine(bed.Input, "mine"), Path.Combine(bed.Input, "young"), Path.Combine(bed.Input, "old")])).Accepted);
        Assert.Equal(1, await IntentCountAsync(bed)); // the other host's intent: its writer deletes it, or the age rule
        await bed.AssertConsistentAsync();
    }

    /// <summary>A run of <paramref name="writer"/> over one folder, killed right after its one batch's blobs are durable
    /// and before their catalog transaction (the store stage fails; nothing is left to index).</summary>
    private static async Task CrashAfterBlobsAsync(IngestTestBed bed, BlobWriter writer, string folder)
    {
        var crashing = new CrashingBlobStore(bed.Data.Blobs, putsBeforeCrash: 0);
        await Assert.ThrowsAsync<SimulatedCrashException>(() =>
            bed.IngestAsAsync(writer, IngestTestBed.Options(window: TimeSpan.FromMinutes(1)), crashing, Path.Combine(bed.Input, folder)));
    }

    private static async Task<int> IntentCountAsync(IngestTestBed bed)
    {
        await using var db = bed.Db();
        return await db.BlobIntents.CountAsync();
    }
}
