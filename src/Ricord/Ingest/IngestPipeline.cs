using System.Diagnostics;
using System.Threading.Channels;
using Ricord.Catalog;
using Ricord.Deid;
using Ricord.Storage;

namespace Ricord.Ingest;

/// <summary>
/// read → validate → de-identify → write blob draft while hashing (parallel workers) → group commit in two stages:
/// the blobs of up to <see cref="IngestOptions.CommitBatchSize"/> instances made durable together, then one catalog
/// transaction that indexes them all (while the next batch is made durable). Refused items go to a quarantine stage
/// of their own, so no worker waits for the vault's fsyncs. Each instance is still atomic: its row is committed only after its blob is
/// durable, and de-identification is deterministic, so a re-run after a crash finishes exactly what was cut off
/// (same bytes, same content-addressed blob key) and adds nothing else. docs/ingest.md explains why no orphan blob
/// survives a crash and a re-run, with any number of concurrent ingest workers.
/// </summary>
public sealed partial class IngestPipeline
{
    private const string InstancePrefix = "instances";
    private readonly ICatalog _catalog;
    private readonly IBlobStore _blobs;
    private readonly Deidentifier _deidentifier;
    private readonly ILinkTable _linkTable;
    private readonly QuarantineVault _vault;

    public IngestPipeline(ICatalog catalog, IBlobStore blobs, Deidentifier deidentifier, ILinkTable linkTable, QuarantineVault vault)
    {
        _catalog = catalog;
        _blobs = blobs;
        _deidentifier = deidentifier;
        _linkTable = linkTable;
        _vault = vault;
    }

    /// <summary>Ingests every item; <paramref name="report"/> is updated live so a caller can show progress.</summary>
    public async Task<IngestReport> RunAsync(IAsyncEnumerable<IngestItem> items, IngestOptions options, IngestReport? report = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        report ??= new IngestReport();
        var clock = Stopwatch.StartNew();
        await SweepAbandonedWritesAsync(ct).ConfigureAwait(false);
        await _catalog.EnsureCollectionAsync(options.Collection, null, ct).ConfigureAwait(false);
        await _catalog.EnsureSiteAsync(options.SiteCode, options.SiteCode, ct).ConfigureAwait(false);
        var context = new DeidContext(_linkTable, options.Collection, options.SiteCode);
        var inputs = Channel.CreateBounded<IngestItem>(new BoundedChannelOptions(options.Parallelism * 2) { SingleWriter = true });
        var staged = Channel.CreateBounded<StagedInstance>(new BoundedChannelOptions(Math.Max(1, options.CommitBatchSize)) { SingleReader = true });
        var durable = Channel.CreateBounded<List<StagedInstance>>(new BoundedChannelOptions(1) { SingleWriter = true, SingleReader = true });
        var refusals = Channel.CreateBounded<Refusal>(new BoundedChannelOptions(Math.Max(1, options.Parallelism)) { SingleReader = true });

        // A failing stage stops the others, so nobody waits forever on a full channel.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in items.WithCancellation(stop.Token).ConfigureAwait(false))
                {
                    await inputs.Writer.WriteAsync(item, stop.Token).ConfigureAwait(false);
                }

                inputs.Writer.Complete();
            }
            catch (Exception ex)
            {
                inputs.Writer.Complete(ex);
                throw;
            }
        }, stop.Token);

        var workers = Enumerable.Range(0, Math.Max(1, options.Parallelism))
            .Select(_ => StopOnFailure(() => PrepareAllAsync(inputs.Reader, staged.Writer, refusals.Writer, context, options, stop.Token), stop)).ToArray();
        var prepared = CompleteWhenDone(workers, staged.Writer, refusals.Writer);
        var storer = StopOnFailure(() => StoreAllAsync(staged.Reader, durable.Writer, options, stop.Token), stop);
        // Not stopped by the other stages' failures: what was made durable before one failed is still indexed.
        var indexer = StopOnFailure(() => IndexAllAsync(durable.Reader, options, report, ct), stop);
        var quarantiner = StopOnFailure(() => QuarantineAllAsync(refusals.Reader, options, report, stop.Token), stop);
        try
        {
            await Task.WhenAll([.. workers, producer, prepared, storer, indexer, quarantiner]).ConfigureAwait(false);
        }
        finally
        {
            // After a failure: drafts prepared or made durable but never indexed are discarded (temp files deleted;
            // durable blobs no row references are what a crash leaves too, adopted by the re-run).
            while (staged.Reader.TryRead(out var left))
            {
                await left.Draft.DisposeAsync().ConfigureAwait(false);
            }

            while (durable.Reader.TryRead(out var batch))
            {
                await DisposeDraftsAsync(batch).ConfigureAwait(false);
            }
        }

        report.Elapsed = clock.Elapsed;
        await _catalog.AuditAsync(options.Actor, "ingest", $"collection {options.Collection}, site {options.SiteCode}",
            $"accepted {report.Accepted}, duplicates {report.Duplicates}, changed {report.Changed}, quarantined {report.Quarantined}", ct).ConfigureAwait(false);
        return report;
    }

    /// <summary>Ingests a reviewed quarantined item: every check again, but a burned-in annotation risk is accepted.</summary>
    public async Task<IngestOutcome> ReleaseAsync(byte[] bytes, IngestOptions options, IngestReport report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var item = new IngestItem(0, "released from quarantine", bytes.LongLength, _ => Task.FromResult(bytes));
        var context = new DeidContext(_linkTable, options.Collection, options.SiteCode);
        var staged = await PrepareAsync(item, options, context, refusals: null, ct).ConfigureAwait(false);
        if (staged is null)
        {
            return IngestOutcome.Quarantined;
        }

        try
        {
            return (await CommitAsync([staged], options, report, ct).ConfigureAwait(false))[0];
        }
        finally
        {
            await staged.Draft.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task PrepareAllAsync(ChannelReader<IngestItem> inputs, ChannelWriter<StagedInstance> staged, ChannelWriter<Refusal> refusals,
        DeidContext context, IngestOptions options, CancellationToken ct)
    {
        await foreach (var item in inputs.ReadAllAsync(ct).ConfigureAwait(false))
        {
            if (await PrepareAsync(item, options, context, refusals, ct).ConfigureAwait(false) is not { } instance)
            {
                continue;
            }

            try
            {
                await staged.WriteAsync(instance, ct).ConfigureAwait(false);
            }
            catch
            {
                await instance.Draft.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    private static Task StopOnFailure(Func<Task> stage, CancellationTokenSource stop) => Task.Run(async () =>
    {
        try
        {
            await stage().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    });

    private static async Task CompleteWhenDone(Task[] workers, ChannelWriter<StagedInstance> staged, ChannelWriter<Refusal> refusals)
    {
        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        finally
        {
            staged.TryComplete();
            refusals.TryComplete();
        }
    }
}
