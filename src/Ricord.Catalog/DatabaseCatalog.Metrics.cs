using System.Diagnostics;

namespace Ricord.Catalog;

public sealed partial class DatabaseCatalog
{
    /// <summary>Counts and times every search when set (the composition root sets it; <c>AddRicord</c>).</summary>
    public CatalogMetrics? Metrics { get; init; }

    public Task<CatalogPage<StudyResult>> SearchStudiesAsync(StudyQuery query, CancellationToken ct) =>
        MeasuredAsync("studies", () => QueryStudiesAsync(query, ct));

    public Task<CatalogPage<SeriesResult>> SearchSeriesAsync(SeriesQuery query, CancellationToken ct) =>
        MeasuredAsync("series", () => QuerySeriesAsync(query, ct));

    public Task<CatalogPage<InstanceResult>> SearchInstancesAsync(InstanceQuery query, CancellationToken ct) =>
        MeasuredAsync("instances", () => QueryInstancesAsync(query, ct));

    private async Task<CatalogPage<T>> MeasuredAsync<T>(string kind, Func<Task<CatalogPage<T>>> query)
    {
        if (Metrics is not { } metrics)
        {
            return await query().ConfigureAwait(false);
        }

        long start = Stopwatch.GetTimestamp();
        var page = await query().ConfigureAwait(false);
        metrics.Query(kind, Stopwatch.GetElapsedTime(start), page.Items.Count);
        return page;
    }
}
