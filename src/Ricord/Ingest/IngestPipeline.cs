using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.Channels;
using Ricord.Catalog;
using Ricord.Deid;
using Ricord.Dicom;
using Ricord.Storage;

namespace Ricord.Ingest;

/// <summary>
/// read → validate → de-identify → store blob → index, for each input item, in parallel with bounded
/// memory. Each instance is atomic: its blob is written durably before the one catalog transaction that
/// indexes it, and de-identification is deterministic, so a re-run after a crash finishes exactly what
/// was cut off (same bytes, same content-addressed blob key) and adds nothing else. docs/ingest.md explains
/// why no orphan blob survives a crash and a re-run, with any number of concurrent ingest workers.
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
        report ??= new IngestReport();
        var clock = Stopwatch.StartNew();
        await SweepAbandonedWritesAsync(ct).ConfigureAwait(false);
        await _catalog.EnsureCollectionAsync(options.Collection, null, ct).ConfigureAwait(false);
        await _catalog.EnsureSiteAsync(options.SiteCode, options.SiteCode, ct).ConfigureAwait(false);
        var context = new DeidContext(_linkTable, options.Collection, options.SiteCode);
        var channel = Channel.CreateBounded<IngestItem>(new BoundedChannelOptions(options.Parallelism * 2) { SingleWriter = true });

        // A failing worker stops the rest, so the producer never waits forever on a full channel.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in items.WithCancellation(stop.Token).ConfigureAwait(false))
                {
                    await channel.Writer.WriteAsync(item, stop.Token).ConfigureAwait(false);
                }

                channel.Writer.Complete();
            }
            catch (Exception ex)
            {
                channel.Writer.Complete(ex);
                throw;
            }
        }, stop.Token);

        var workers = Enumerable.Range(0, options.Parallelism).Select(_ => Task.Run(async () =>
        {
            try
            {
                await foreach (var item in channel.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
                {
                    await ProcessAsync(item, options, context, report, stop.Token).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }, stop.Token)).ToArray();

        await Task.WhenAll(workers.Append(producer)).ConfigureAwait(false);
        report.Elapsed = clock.Elapsed;
        await _catalog.AuditAsync(options.Actor, "ingest", $"collection {options.Collection}, site {options.SiteCode}",
            $"accepted {report.Accepted}, duplicates {report.Duplicates}, changed {report.Changed}, quarantined {report.Quarantined}", ct).ConfigureAwait(false);
        return report;
    }

    /// <summary>One item, start to finish. Returns its outcome.</summary>
    public async Task<IngestOutcome> ProcessAsync(IngestItem item, IngestOptions options, DeidContext context, IngestReport report, CancellationToken ct)
    {
        byte[] bytes = item.Length > IngestSource.MaxItemBytes ? [] : await item.ReadAllAsync(ct).ConfigureAwait(false);
        if (bytes.Length == 0)
        {
            return await QuarantineAsync(item, bytes, QuarantineReason.Other, item.Length > 0 ? $"larger than {IngestSource.MaxItemBytes} bytes" : "empty file", options, report, ct).ConfigureAwait(false);
        }

        DicomFile file;
        try
        {
            file = DicomFile.Read(bytes, new DicomReadOptions { SourceName = item.ToString() });
        }
        catch (DicomFormatException ex)
        {
            var (reason, detail) = InstanceValidator.Classify(bytes, ex);
            return await QuarantineAsync(item, bytes, reason, detail, options, report, ct).ConfigureAwait(false);
        }

        if (InstanceValidator.Check(file, options) is { } problem)
        {
            return await QuarantineAsync(item, bytes, problem.Reason, problem.Detail, options, report, ct).ConfigureAwait(false);
        }

        DicomFile output;
        DeidResult deid;
        try
        {
            deid = _deidentifier.Apply(file, context, out output);
        }
        catch (DeidentificationException ex)
        {
            return await QuarantineAsync(item, bytes, QuarantineReason.Other, ex.Message, options, report, ct).ConfigureAwait(false);
        }

        if (deid.BurnedInAnnotationRisk is { } risk)
        {
            return await QuarantineAsync(item, bytes, QuarantineReason.BurnedInAnnotationRisk, risk.Reason, options, report, ct).ConfigureAwait(false);
        }

        return await StoreAndIndexAsync(item, bytes, output, options, report, ct).ConfigureAwait(false);
    }

    /// <summary>Ingests a reviewed quarantined item: every check again, but a burned-in annotation risk is accepted.</summary>
    public async Task<IngestOutcome> ReleaseAsync(byte[] bytes, IngestOptions options, IngestReport report, CancellationToken ct)
    {
        var item = new IngestItem(0, "released from quarantine", bytes.LongLength, _ => Task.FromResult(bytes));
        DicomFile file;
        try
        {
            file = DicomFile.Read(bytes);
        }
        catch (DicomFormatException)
        {
            return IngestOutcome.Quarantined;
        }

        if (InstanceValidator.Check(file, options) is not null)
        {
            return IngestOutcome.Quarantined;
        }

        var context = new DeidContext(_linkTable, options.Collection, options.SiteCode);
        _deidentifier.Apply(file, context, out var output);
        return await StoreAndIndexAsync(item, bytes, output, options, report, ct).ConfigureAwait(false);
    }

    private async Task<IngestOutcome> StoreAndIndexAsync(IngestItem item, byte[] original, DicomFile output, IngestOptions options, IngestReport report, CancellationToken ct)
    {
        byte[] stored = output.ToBytes();
        string hash = Convert.ToHexStringLower(SHA256.HashData(stored));
        string key = BlobKey.ForContent(hash, InstancePrefix);
        if (!await _blobs.ExistsAsync(key, ct).ConfigureAwait(false))
        {
            using var content = new MemoryStream(stored, writable: false);
            await _blobs.PutAsync(key, content, ct).ConfigureAwait(false);
        }

        var record = InstanceRecords.From(output, options, key, stored.LongLength, hash);
        var result = await _catalog.AddInstanceAsync(record, ct).ConfigureAwait(false);
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
                // content, so a row referencing it would have this hash and this UID and could not conflict.
                await DeleteUnreferencedAsync(key, hash, ct).ConfigureAwait(false);

                // InstanceId 0: not the SOP Instance UID but its series or study belongs to another patient or study.
                if (result.InstanceId == 0)
                {
                    return await QuarantineAsync(item, original, QuarantineReason.ConflictingPatientData,
                        result.Detail ?? "series or study already belongs to another patient", options, report, ct).ConfigureAwait(false);
                }

                report.Add(IngestOutcome.Changed, item.Length);
                return IngestOutcome.Changed;
        }
    }

    private async Task<IngestOutcome> QuarantineAsync(IngestItem item, byte[] bytes, QuarantineReason reason, string detail, IngestOptions options, IngestReport report, CancellationToken ct)
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var info = new QuarantineEntryInfo(options.Collection, options.SiteCode, reason, detail, item.SourcePath, DateTimeOffset.UtcNow);
        string id = await _vault.StoreAsync(bytes, hash, info, ct).ConfigureAwait(false);
        await _catalog.AddQuarantineAsync(new QuarantineRecord(options.Collection, options.SiteCode, reason, detail, $"vault:{id}", hash), ct).ConfigureAwait(false);
        report.Add(IngestOutcome.Quarantined, item.Length, reason);
        return IngestOutcome.Quarantined;
    }
}
