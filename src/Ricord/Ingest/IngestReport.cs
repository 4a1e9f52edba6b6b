using System.Collections.Concurrent;
using Ricord.Catalog;
using Ricord.Deid;

namespace Ricord.Ingest;

/// <summary>Counts of one ingest run, safe to update from the workers. Contains no identifiers.</summary>
public sealed class IngestReport
{
    private readonly IngestReport? _total;
    private long _accepted;
    private long _duplicates;
    private long _changed;
    private long _quarantined;
    private long _bytes;
    private long _acceptedBytes;
    private long _commits;

    public IngestReport()
    {
    }

    /// <summary>Counts of one part of a run, each also added to <paramref name="total"/>.</summary>
    internal IngestReport(IngestReport total) => _total = total;

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long Changed => Interlocked.Read(ref _changed);

    public long Quarantined => Interlocked.Read(ref _quarantined);

    public long Processed => Accepted + Duplicates + Changed + Quarantined;

    /// <summary>Bytes read from the inputs.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Bytes read from the inputs that were accepted (stored and indexed).</summary>
    public long AcceptedBytes => Interlocked.Read(ref _acceptedBytes);

    public ConcurrentDictionary<QuarantineReason, long> QuarantinedByReason { get; } = new();

    /// <summary>Elements in which the residual-identifier scan found a known identifier (and removed it), by attribute path. Never values.</summary>
    public ConcurrentDictionary<string, long> ResidualHitsByAttribute { get; } = new(StringComparer.Ordinal);

    /// <summary>Binary values removed or zeroed because their action was Clean, Dummy or their VR unknown, by attribute path.</summary>
    public ConcurrentDictionary<string, long> BinaryRemovedByAttribute { get; } = new(StringComparer.Ordinal);

    internal void AddFindings(DeidFindings findings)
    {
        _total?.AddFindings(findings);
        foreach (var (path, n) in findings.ResidualHits)
        {
            ResidualHitsByAttribute.AddOrUpdate(path, n, (_, m) => m + n);
        }

        foreach (var (path, n) in findings.BinaryRemoved)
        {
            BinaryRemovedByAttribute.AddOrUpdate(path, n, (_, m) => m + n);
        }
    }

    public TimeSpan Elapsed { get; set; }

    /// <summary>Group commits made: each made a batch of blobs durable and indexed it in one catalog transaction.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    internal void AddCommit()
    {
        Interlocked.Increment(ref _commits);
        _total?.AddCommit();
    }

    internal void Add(IngestOutcome outcome, long bytes, QuarantineReason? reason = null)
    {
        _total?.Add(outcome, bytes, reason);
        Interlocked.Add(ref _bytes, bytes);
        switch (outcome)
        {
            case IngestOutcome.Accepted:
                Interlocked.Increment(ref _accepted);
                Interlocked.Add(ref _acceptedBytes, bytes);
                break;
            case IngestOutcome.Duplicate:
                Interlocked.Increment(ref _duplicates);
                break;
            case IngestOutcome.Changed:
                Interlocked.Increment(ref _changed);
                break;
            default:
                Interlocked.Increment(ref _quarantined);
                QuarantinedByReason.AddOrUpdate(reason ?? QuarantineReason.Other, 1, (_, n) => n + 1);
                break;
        }
    }
}
