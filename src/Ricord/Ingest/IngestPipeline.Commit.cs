using System.Diagnostics;
using System.Threading.Channels;
using Ricord.Catalog;

namespace Ricord.Ingest;

/// <summary>The group commit stage (docs/ingest.md, "Group commit").</summary>
public sealed partial class IngestPipeline
{
    /// <summary>The first commit stage: takes staged instances as they come, up to a batch's size or what arrived within
    /// the commit window after the first, makes their blobs durable together and hands the batch to the index stage.
    /// While the index stage runs one batch's catalog transaction, this stage already makes the next batch durable.</summary>
    private async Task StoreAllAsync(ChannelReader<StagedInstance> staged, ChannelWriter<List<StagedInstance>> durable, IngestOptions options, CancellationToken ct)
    {
        try
        {
            while (await staged.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                var batch = new List<StagedInstance>(options.CommitBatchSize);
                bool handedOver = false;
                try
                {
                    await FillAsync(staged, batch, options, ct).ConfigureAwait(false);
                    await StoreDurablyAsync(batch, ct).ConfigureAwait(false);
                    await durable.WriteAsync(batch, ct).ConfigureAwait(false);
                    handedOver = true;
                }
                finally
                {
                    if (!handedOver)
                    {
                        await DisposeDraftsAsync(batch).ConfigureAwait(false);
                    }
                }
            }
        }
        finally
        {
            durable.TryComplete();
        }
    }

    /// <summary>The second commit stage: one catalog transaction per batch of durable blobs, then each outcome.</summary>
    private async Task IndexAllAsync(ChannelReader<List<StagedInstance>> durable, CancellationToken ct)
    {
        await foreach (var batch in durable.ReadAllAsync(ct).ConfigureAwait(false))
        {
            try
            {
                await IndexAsync(batch, ct).ConfigureAwait(false);
            }
            finally
            {
                await DisposeDraftsAsync(batch).ConfigureAwait(false);
            }
        }
    }

    private static async Task DisposeDraftsAsync(List<StagedInstance> batch)
    {
        foreach (var s in batch)
        {
            await s.Draft.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task FillAsync(ChannelReader<StagedInstance> staged, List<StagedInstance> batch, IngestOptions options, CancellationToken ct)
    {
        long start = Stopwatch.GetTimestamp();
        while (batch.Count < Math.Max(1, options.CommitBatchSize))
        {
            if (staged.TryRead(out var next))
            {
                batch.Add(next);
                continue;
            }

            var left = options.CommitWindow - Stopwatch.GetElapsedTime(start);
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            using var window = CancellationTokenSource.CreateLinkedTokenSource(ct);
            window.CancelAfter(left);
            try
            {
                if (!await staged.WaitToReadAsync(window.Token).ConfigureAwait(false))
                {
                    return; // no more input
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return; // the window closed
            }
        }
    }

    /// <summary>
    /// The batch's blobs made durable together, then one catalog transaction for all their rows, then each outcome.
    /// A row is committed only after its blob is durable. Outcomes are those of one instance at a time in batch
    /// order: a duplicate, a changed instance or a conflict refuses only its own row.
    /// </summary>
    private async Task<IngestOutcome[]> CommitAsync(List<StagedInstance> batch, CancellationToken ct)
    {
        await StoreDurablyAsync(batch, ct).ConfigureAwait(false);
        return await IndexAsync(batch, ct).ConfigureAwait(false);
    }

    /// <summary>Records the batch's blob intents in one short transaction, then makes its blobs durable: an intent
    /// exists before any of its blobs can have a name, so a crash from here on leaves the keys to sweep.</summary>
    private async Task StoreDurablyAsync(List<StagedInstance> batch, CancellationToken ct)
    {
        await WithReserveAsync(async () =>
        {
            await _catalog.AddBlobIntentsAsync(Writer, [.. batch.Select(s => s.Record)], ct).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
        await _blobs.StoreAsync([.. batch.Select(s => s.Draft)], ct).ConfigureAwait(false);
    }

    /// <summary>The catalog transaction of a batch whose blobs are durable, then each instance's outcome.</summary>
    private async Task<IngestOutcome[]> IndexAsync(List<StagedInstance> batch, CancellationToken ct)
    {
        var results = await WithReserveAsync(() => _catalog.AddInstancesAsync([.. batch.Select(s => s.Record)], Writer, ct)).ConfigureAwait(false);
        batch[0].Lane.Report.AddCommit();
        var outcomes = new IngestOutcome[batch.Count];
        for (int i = 0; i < batch.Count; i++)
        {
            outcomes[i] = await OutcomeAsync(batch[i], results[i], ct).ConfigureAwait(false);
        }

        return outcomes;
    }

    private async Task<IngestOutcome> OutcomeAsync(StagedInstance staged, InstanceInsertResult result, CancellationToken ct)
    {
        var (item, _, record, lane) = staged;
        var report = lane.Report;
        switch (result.Status)
        {
            case InstanceInsertStatus.Inserted:
                report.Add(IngestOutcome.Accepted, item.Length);
                return IngestOutcome.Accepted;
            case InstanceInsertStatus.AlreadyPresent:
                report.Add(IngestOutcome.Duplicate, item.Length);
                return IngestOutcome.Duplicate;
            default:
                // Not indexed. The blob may be ours or one a crashed run left for this same instance; keys name
                // content, so a row referencing it would have this hash and this UID and could not conflict. The
                // batch is committed, so a row of this batch that refused this one is visible to the check. The intent
                // goes with the blob, in one step: a crash before it still leaves the intent for the sweep.
                await _catalog.DiscardBlobIntentAsync(Writer, record.BlobKey, record.ContentHash, _blobs.DeleteAsync, ct).ConfigureAwait(false);

                // InstanceId 0: not the SOP Instance UID but its series or study belongs to another patient or study.
                if (result.InstanceId == 0)
                {
                    // The input is read again: holding every batch member's original until its outcome would cost memory.
                    using var original = await item.ReadPooledAsync(ct).ConfigureAwait(false);
                    return await QuarantineAsync(item, original.Memory, QuarantineReason.ConflictingPatientData,
                        result.Detail ?? "series or study already belongs to another patient", lane, ct).ConfigureAwait(false);
                }

                report.Add(IngestOutcome.Changed, item.Length);
                return IngestOutcome.Changed;
        }
    }
}
