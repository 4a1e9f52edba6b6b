using System.Diagnostics.Metrics;
using Ricord.Catalog;

namespace Ricord.Diagnostics;

/// <summary>Ingest (meter <see cref="RicordMeters.Ingest"/>) and de-identification on the way in (meter
/// <see cref="RicordMeters.Deid"/>): instances by outcome, stored bytes, quarantines by reason.</summary>
public sealed class IngestMetrics
{
    private readonly Counter<long> _instances;
    private readonly Counter<long> _bytes;
    private readonly Counter<long> _quarantines;
    private readonly Histogram<long> _batch;
    private readonly Counter<long> _deidentified;

    public IngestMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var ingest = meters.Create(RicordMeters.Ingest);
        _instances = ingest.CreateCounter<long>("ricord.ingest.instances", "{instance}", "Instances offered to the catalog, by outcome");
        _bytes = ingest.CreateCounter<long>("ricord.ingest.bytes", "By", "Bytes of de-identified instances newly indexed");
        _quarantines = ingest.CreateCounter<long>("ricord.ingest.quarantines", "{object}", "Objects held back, by reason");
        _batch = ingest.CreateHistogram<long>("ricord.ingest.batch.size", "{instance}", "Instances per catalog commit");
        var deid = meters.Create(RicordMeters.Deid);
        _deidentified = deid.CreateCounter<long>("ricord.deid.instances", "{instance}", "Instances de-identified, by where");
    }

    /// <summary>One committed batch: each record with the outcome the catalog gave it.</summary>
    public void Indexed(IReadOnlyList<InstanceRecord> records, IReadOnlyList<InstanceInsertResult> results)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(results);
        _batch.Record(records.Count);
        Deidentified("ingest", records.Count);
        for (int i = 0; i < results.Count; i++)
        {
            var status = results[i].Status;
            _instances.Add(1, new KeyValuePair<string, object?>("outcome", Outcome(status)));
            if (status == InstanceInsertStatus.Inserted && i < records.Count)
            {
                _bytes.Add(records[i].Size);
            }
        }
    }

    public void Quarantined(QuarantineReason reason) =>
        _quarantines.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));

    /// <summary><paramref name="count"/> instances de-identified by <paramref name="source"/> (ingest, folder).</summary>
    public void Deidentified(string source, long count) =>
        _deidentified.Add(count, new KeyValuePair<string, object?>("source", source));

    private static string Outcome(InstanceInsertStatus status) => status switch
    {
        InstanceInsertStatus.Inserted => "inserted",
        InstanceInsertStatus.AlreadyPresent => "already_present",
        _ => "conflict",
    };
}
