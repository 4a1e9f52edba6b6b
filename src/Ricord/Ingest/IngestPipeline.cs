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

    /// <summary>The profile (with options) recorded with every de-identified instance (catalog DeidProfiles).</summary>
    private readonly string _profileJson;
    private readonly ILinkTable _linkTable;
    private readonly QuarantineVault _vault;

    public IngestPipeline(ICatalog catalog, IBlobStore blobs, Deidentifier deidentifier, ILinkTable linkTable, QuarantineVault vault)
    {
        _catalog = catalog;
        _blobs = blobs;
        _deidentifier = deidentifier;
        _profileJson = deidentifier.Profile.ToJson();
        _linkTable = linkTable;
        _vault = vault;
    }

    /// <summary>Who this pipeline's blob intents name: this process, unless a test plays another writer.</summary>
    public BlobWriter Writer { get; init; } = BlobWriter.Current;

    /// <summary>Ingests every item; <paramref name="report"/> is updated live so a caller can show progress.</summary>
    public Task<IngestReport> RunAsync(IAsyncEnumerable<IngestItem> items, IngestOptions options, IngestReport? report = null, CancellationToken ct = default) =>
        RunAsync([new IngestInput(items, options)], report, ct);

    /// <summary>
    /// Ingests several inputs (each site's folders, say) in one pass: one set of workers and one group commit for
    /// all, so an input does not wait for the last batch of the one before it. Each input keeps its own options
    /// (collection, site, allowed SOP classes), de-identification context and audit record; parallelism, batch
    /// size and commit window are the first input's. <paramref name="report"/> counts them all, live.
    /// </summary>
    public async Task<IngestReport> RunAsync(IReadOnlyList<IngestInput> inputs, IngestReport? report = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        report ??= new IngestReport();
        if (inputs.Count == 0)
        {
            return report;
        }

        var clock = Stopwatch.StartNew();
        var options = inputs[0].Options;
        await SweepAbandonedWritesAsync(ct).ConfigureAwait(false);
        var lanes = new List<Lane>(inputs.Count);
        foreach (var input in inputs)
        {
            ArgumentNullException.ThrowIfNull(input.Options);
            string? description = input.Options.Identifiers == IdentifierMode.AsPublished ? IngestOptions.PublishedDescription : null;
            await _catalog.EnsureCollectionAsync(input.Options.Collection, description, ct).ConfigureAwait(false);
            await _catalog.EnsureSiteAsync(input.Options.SiteCode, input.Options.SiteCode, ct).ConfigureAwait(false);
            lanes.Add(new Lane(input.Options, new DeidContext(_linkTable, input.Options.Collection, input.Options.SiteCode), new IngestReport(report)));
        }

        var queue = Channel.CreateBounded<(IngestItem Item, Lane Lane)>(new BoundedChannelOptions(options.Parallelism * 2) { SingleWriter = true });
        var staged = Channel.CreateBounded<StagedInstance>(new BoundedChannelOptions(Math.Max(1, options.CommitBatchSize)) { SingleReader = true });
        var durable = Channel.CreateBounded<List<StagedInstance>>(new BoundedChannelOptions(1) { SingleWriter = true, SingleReader = true });
        var refusals = Channel.CreateBounded<Refusal>(new BoundedChannelOptions(Math.Max(1, options.Parallelism)) { SingleReader = true });

        // A failing stage stops the others, so nobody waits forever on a full channel. A full disk only stops the
        // input (`full`): what was prepared before is still stored and indexed, instance by instance.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var full = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        var diskFull = _diskFull = new DiskFull(full, Reserve);
        Reserve?.TryAcquire();
        var producer = Task.Run(async () =>
        {
            try
            {
                for (int i = 0; i < inputs.Count; i++)
                {
                    await foreach (var item in inputs[i].Items.WithCancellation(full.Token).ConfigureAwait(false))
                    {
                        await queue.Writer.WriteAsync((item, lanes[i]), full.Token).ConfigureAwait(false);
                    }
                }

                queue.Writer.Complete();
            }
            catch (OperationCanceledException) when (diskFull.Seen && !stop.IsCancellationRequested)
            {
                queue.Writer.Complete(); // the disk is full: no more input is taken
            }
            catch (Exception ex)
            {
                queue.Writer.Complete(ex);
                throw;
            }
        }, stop.Token);

        var workers = Enumerable.Range(0, Math.Max(1, options.Parallelism))
            .Select(_ => StopOnFailure(() => PrepareAllAsync(queue.Reader, staged.Writer, refusals.Writer, diskFull, stop.Token), stop)).ToArray();
        var prepared = CompleteWhenDone(workers, staged.Writer, refusals.Writer);
        var storer = StopOnFailure(() => StoreAllAsync(staged.Reader, durable.Writer, options, stop.Token), stop);
        // Not stopped by the other stages' failures: what was made durable before one failed is still indexed.
        var indexer = StopOnFailure(() => IndexAllAsync(durable.Reader, ct), stop);
        var quarantiner = StopOnFailure(() => QuarantineAllAsync(refusals.Reader, stop.Token), stop);
        try
        {
            await Task.WhenAll([.. workers, producer, prepared, storer, indexer, quarantiner]).ConfigureAwait(false);
        }
        catch (Exception ex) when (NoSpace.What(ex) is { } where)
        {
            diskFull.Note(where, ex);
        }
        finally
        {
            Reserve?.Release();

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
        try
        {
            foreach (var lane in lanes)
            {
                var (o, r) = (lane.Options, lane.Report);
                await _catalog.AuditAsync(o.Actor, "ingest", $"collection {o.Collection}, site {o.SiteCode}",
                    $"accepted {r.Accepted}, duplicates {r.Duplicates}, changed {r.Changed}, quarantined {r.Quarantined}, "
                    + $"residual identifiers removed {r.ResidualHitsByAttribute.Values.Sum()}, binary values removed {r.BinaryRemovedByAttribute.Values.Sum()}"
                    + (diskFull.Seen ? ", stopped: disk full" : ""), ct).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (diskFull.Seen && NoSpace.What(ex) is not null)
        {
            // No room left for the audit record either; the instances stored are whole and indexed all the same.
        }

        return diskFull.Seen ? throw diskFull.ToException(report) : report;
    }

    /// <summary>Ingests a reviewed quarantined item: every check again, but a burned-in annotation risk is accepted.</summary>
    public async Task<IngestOutcome> ReleaseAsync(byte[] bytes, IngestOptions options, IngestReport report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var item = new IngestItem(0, "released from quarantine", bytes.LongLength, _ => Task.FromResult(bytes));
        var lane = new Lane(options, new DeidContext(_linkTable, options.Collection, options.SiteCode), report);
        var staged = await PrepareAsync(item, lane, refusals: null, ct).ConfigureAwait(false);
        if (staged is null)
        {
            return IngestOutcome.Quarantined;
        }

        try
        {
            return (await CommitAsync([staged], ct).ConfigureAwait(false))[0];
        }
        finally
        {
            await staged.Draft.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task PrepareAllAsync(ChannelReader<(IngestItem Item, Lane Lane)> queue, ChannelWriter<StagedInstance> staged, ChannelWriter<Refusal> refusals,
        DiskFull diskFull, CancellationToken ct)
    {
        await foreach (var (item, lane) in queue.ReadAllAsync(ct).ConfigureAwait(false))
        {
            if (diskFull.Seen)
            {
                return; // not taken: a re-run after freeing space takes it
            }

            StagedInstance? instance;
            try
            {
                instance = await PrepareAsync(item, lane, refusals, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (NoSpace.What(ex) is { } where)
            {
                // This item's draft is gone with the failure; those staged before still go through the commit stages.
                diskFull.Note(where, ex);
                return;
            }

            if (instance is null)
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
