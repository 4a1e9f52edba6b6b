using System.Diagnostics.Metrics;

namespace Ricord.Catalog;

/// <summary>Catalog queries: how many, how long, how many rows (meter <see cref="MeterName"/>).</summary>
public sealed class CatalogMetrics
{
    public const string MeterName = "Ricord.Catalog";

    private readonly Counter<long> _queries;
    private readonly Histogram<double> _duration;
    private readonly Histogram<long> _rows;

    public CatalogMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _queries = meter.CreateCounter<long>("ricord.catalog.queries", "{query}", "Catalog searches run");
        _duration = meter.CreateHistogram<double>("ricord.catalog.query.duration", "ms", "Time a catalog search took");
        _rows = meter.CreateHistogram<long>("ricord.catalog.query.rows", "{row}", "Rows a catalog search returned");
    }

    /// <summary>One search of <paramref name="kind"/> (studies, series, instances) done.</summary>
    public void Query(string kind, TimeSpan elapsed, int rows)
    {
        var tag = new KeyValuePair<string, object?>("kind", kind);
        _queries.Add(1, tag);
        _duration.Record(elapsed.TotalMilliseconds, tag);
        _rows.Record(rows, tag);
    }
}
