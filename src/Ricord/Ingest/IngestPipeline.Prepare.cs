using System.Security.Cryptography;
using System.Threading.Channels;
using Ricord.Catalog;
using Ricord.Deid;
using Ricord.Dicom;
using Ricord.Storage;

namespace Ricord.Ingest;

/// <summary>The workers' stage: everything up to a written (not yet durable) blob draft and its catalog record.</summary>
public sealed partial class IngestPipeline
{
    private const int WriteBufferSize = 1 << 16;

    /// <summary>Refused items up to this size go to the quarantine stage as a copy (memory: at most the refusals
    /// channel's capacity of them); larger ones are quarantined by the worker that refused them.</summary>
    private const int HandOffQuarantineBytes = 16 << 20;

    /// <summary>read → validate → de-identify → serialize into a blob draft while hashing. Null when the item was
    /// refused: then, with <paramref name="refusals"/>, it goes there to be quarantined (by the quarantine stage, so
    /// the worker does not wait for the vault's fsyncs); without (releasing an item from quarantine), it is not
    /// recorded again: it is in quarantine already.</summary>
    private async Task<StagedInstance?> PrepareAsync(IngestItem item, Lane lane, ChannelWriter<Refusal>? refusals, CancellationToken ct)
    {
        var options = lane.Options;
        if (item.Problem is { } unreadable)
        {
            // Found unreadable by the walk: quarantined with whatever of it can be kept (a damaged archive's bytes).
            using var kept = await ReadWhatCanBeKeptAsync(item, ct).ConfigureAwait(false);
            return await RefuseAsync(item, kept.Memory, unreadable.Reason, unreadable.Detail, lane, refusals, ct).ConfigureAwait(false);
        }

        if (item.Length > IngestSource.MaxItemBytes)
        {
            return await RefuseAsync(item, ReadOnlyMemory<byte>.Empty, QuarantineReason.Other, $"larger than {IngestSource.MaxItemBytes} bytes", lane, refusals, ct).ConfigureAwait(false);
        }

        ItemBytes read;
        try
        {
            read = await item.ReadPooledAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (InputErrors.IsInputError(ex))
        {
            // Gone, no permission, a device error: this input is held back with its reason, the rest goes on.
            return await RefuseAsync(item, ReadOnlyMemory<byte>.Empty, QuarantineReason.Unreadable,
                $"the file cannot be read: {InputErrors.Describe(ex, item.SourcePath)}", lane, refusals, ct).ConfigureAwait(false);
        }

        using var bytes = read;
        if (bytes.Memory.Length == 0)
        {
            return await RefuseAsync(item, bytes.Memory, QuarantineReason.EmptyFile, "empty file (0 bytes)", lane, refusals, ct).ConfigureAwait(false);
        }

        DicomFile file;
        try
        {
            file = DicomFile.Read(bytes.Memory, new DicomReadOptions { SourceName = item.ToString() });
        }
        catch (DicomFormatException ex)
        {
            var (reason, detail) = InstanceValidator.Classify(bytes.Memory.Span, ex);
            return await RefuseAsync(item, bytes.Memory, reason, detail, lane, refusals, ct).ConfigureAwait(false);
        }

        if (InstanceValidator.Check(file, options) is { } problem)
        {
            return await RefuseAsync(item, bytes.Memory, problem.Reason, problem.Detail, lane, refusals, ct).ConfigureAwait(false);
        }

        DicomFile output;
        BurnedInAnnotationRisk? risk;
        DeidFindings findings;
        if (options.Identifiers == IdentifierMode.AsPublished)
        {
            // Identifiers kept as published; the meta group is rebuilt from the data set (no source AE titles).
            (risk, findings) = CheckPublished(file.Dataset);
            output = new DicomFile(file.Dataset, file.TransferSyntax);
        }
        else
        {
            try
            {
                var deid = _deidentifier.Apply(file, lane.Context, out output);
                (risk, findings) = (deid.BurnedInAnnotationRisk, deid.Findings);
            }
            catch (DeidentificationException ex)
            {
                return await RefuseAsync(item, bytes.Memory, QuarantineReason.Other, ex.Message, lane, refusals, ct).ConfigureAwait(false);
            }
        }

        lane.Report.AddFindings(findings);
        if (risk is not null && refusals is not null && !await _vault.IsReleasedAsync(ContentHash(bytes.Memory), ct).ConfigureAwait(false))
        {
            return await RefuseAsync(item, bytes.Memory, QuarantineReason.BurnedInAnnotationRisk, risk.Reason, lane, refusals, ct).ConfigureAwait(false);
        }

        if (findings.UncleanableHit is { } hit && refusals is not null)
        {
            return await RefuseAsync(item, bytes.Memory, QuarantineReason.ResidualIdentifier, hit, lane, refusals, ct).ConfigureAwait(false);
        }

        // Before the pooled input goes back: the output's values may be slices of it.
        return await StageAsync(item, output, lane, ct).ConfigureAwait(false);
    }

    /// <summary>Streams the de-identified file into a blob draft through SHA-256 (no whole-file array), then names
    /// the draft by its content.</summary>
    private async Task<StagedInstance> StageAsync(IngestItem item, DicomFile output, Lane lane, CancellationToken ct)
    {
        var draft = await _blobs.CreateDraftAsync(InstancePrefix, ct).ConfigureAwait(false);
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var hashing = new HashingStream(draft.Content, sha);
            // Writes go to the page cache (no fsync here), so this CPU stage writes synchronously.
            using (var buffered = new BufferedStream(hashing, WriteBufferSize))
            {
                output.WriteTo(buffered);
                buffered.Flush();
            }

            string hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            draft.Key = BlobKey.ForContent(hash, InstancePrefix);
            var record = InstanceRecords.From(output, lane.Options, draft.Key, hashing.Length, hash) with
            {
                DeidProfile = lane.Options.Identifiers == IdentifierMode.Deidentify ? _profileJson : null,
            };
            return new StagedInstance(item, draft, record, lane);
        }
        catch
        {
            await draft.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<StagedInstance?> RefuseAsync(IngestItem item, ReadOnlyMemory<byte> bytes, QuarantineReason reason, string detail,
        Lane lane, ChannelWriter<Refusal>? refusals, CancellationToken ct)
    {
        if (refusals is null)
        {
            return null;
        }

        if (bytes.Length > HandOffQuarantineBytes)
        {
            // A copy would double a large item's memory: quarantined here, from the pooled buffer itself.
            await QuarantineAsync(item, bytes, reason, detail, lane, ct).ConfigureAwait(false);
        }
        else
        {
            // A copy: the input buffer is pooled and goes back when the worker moves on.
            await refusals.WriteAsync(new Refusal(item, bytes.ToArray(), reason, detail, lane), ct).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>The quarantine stage: each refused item into the vault (durably) and the catalog, in arrival order.</summary>
    private async Task QuarantineAllAsync(ChannelReader<Refusal> refusals, CancellationToken ct)
    {
        await foreach (var r in refusals.ReadAllAsync(ct).ConfigureAwait(false))
        {
            await QuarantineAsync(r.Item, r.Bytes, r.Reason, r.Detail, r.Lane, ct).ConfigureAwait(false);
        }
    }

    private async Task<IngestOutcome> QuarantineAsync(IngestItem item, ReadOnlyMemory<byte> bytes, QuarantineReason reason, string detail, Lane lane,
        CancellationToken ct)
    {
        var (options, report) = (lane.Options, lane.Report);
        string hash = bytes.IsEmpty ? ReferenceWithoutBytes(item) : ContentHash(bytes);
        var info = new QuarantineEntryInfo(options.Collection, options.SiteCode, reason, detail, item.SourcePath, DateTimeOffset.UtcNow);
        string id = await _vault.StoreAsync(bytes, hash, info, ct).ConfigureAwait(false);
        await _catalog.AddQuarantineAsync(new QuarantineRecord(options.Collection, options.SiteCode, reason, detail, $"vault:{id}", hash), ct).ConfigureAwait(false);
        report.Add(IngestOutcome.Quarantined, item.Length, reason);
        return IngestOutcome.Quarantined;
    }

    /// <summary>What names an input's content in quarantine and in the vault's released list: SHA-256 of its bytes as they came in.</summary>
    private static string ContentHash(ReadOnlyMemory<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes.Span));

    /// <summary>An unreadable item's bytes if they can be read at all (within the size limit), else none.</summary>
    private static async Task<ItemBytes> ReadWhatCanBeKeptAsync(IngestItem item, CancellationToken ct)
    {
        if (item.Length > IngestSource.MaxItemBytes)
        {
            return new ItemBytes([]);
        }

        try
        {
            return await item.ReadPooledAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (InputErrors.IsInputError(ex))
        {
            return new ItemBytes([]);
        }
    }

    /// <summary>What names a quarantined item that has no bytes (empty, unreadable, too large), in place of the hash of
    /// its content: a keyed hash of where it came from, so that a re-run over the same input finds the same entry and
    /// two such inputs get two entries, and the catalog holds nothing from which the path could be guessed.</summary>
    private string ReferenceWithoutBytes(IngestItem item) => Convert.ToHexStringLower(
        HMACSHA256.HashData(_linkTable.GetKey(), System.Text.Encoding.UTF8.GetBytes($"quarantine-without-bytes\0{item.SourcePath}\0{item.Length}")));
}
