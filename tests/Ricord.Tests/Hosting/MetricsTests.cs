using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Ricord.Catalog;
using Ricord.Hosting;
using Ricord.Ingest;
using Ricord.Synth;

namespace Ricord.Tests.Hosting;

/// <summary>Ingest, de-identification and catalog searches move the meters of the container that ran them.</summary>
public sealed class MetricsTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"ricord-metrics-{Guid.NewGuid():N}");

    public async Task InitializeAsync() =>
        await new SynthGenerator(new SynthOptions { Seed = 29, Messy = true, CtPatients = 1, CxrPatients = 6, Slices = 8, CxrSize = 64, MaxParallelism = 1 })
            .RunAsync(Path.Combine(_root, "synth"));

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Ingest_deid_and_catalog_meters_count_what_happened()
    {
        using var data = new RicordDataDirectory(new RicordOptions { DataDirectory = Path.Combine(_root, "data") });
        await data.InitializeAsync(CancellationToken.None);
        var sums = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
        var factory = data.Get<IMeterFactory>();
        using var listener = new MeterListener
        {
            // Only this container's meters: other tests may ingest at the same time.
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Meter.Name.StartsWith("Ricord.", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(sums, i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(sums, i, v, tags));
        listener.Start();

        var report = new IngestReport();
        foreach (var site in Directory.GetDirectories(Path.Combine(_root, "synth", "sites")))
        {
            var options = new IngestOptions { Collection = "RICORD-TEST", SiteCode = Path.GetFileName(site), Actor = "test" };
            await data.CreateIngestPipeline().RunAsync(IngestSource.EnumerateAsync([Path.Combine(site, "dicom")]), options, report);
        }

        var page = await data.Catalog.SearchStudiesAsync(new StudyQuery { Collection = "RICORD-TEST" }, CancellationToken.None);
        listener.RecordObservableInstruments();

        Assert.True(report.Accepted > 10 && report.Quarantined > 0, $"accepted {report.Accepted}, quarantined {report.Quarantined}: too little for the test to mean anything");
        Assert.Equal(report.Accepted, Sum(sums, "ricord.ingest.instances|outcome=inserted"));
        Assert.True(Sum(sums, "ricord.ingest.bytes") > 1000);
        Assert.Equal(report.Quarantined, sums.Where(kv => kv.Key.StartsWith("ricord.ingest.quarantines|reason=", StringComparison.Ordinal)).Sum(kv => (long)kv.Value));
        Assert.True(Sum(sums, "ricord.deid.instances|source=ingest") >= report.Accepted);
        Assert.Equal(1, Sum(sums, "ricord.catalog.queries|kind=studies"));
        Assert.Equal(page.Items.Count, Sum(sums, "ricord.catalog.query.rows|kind=studies"));
    }

    private static long Sum(ConcurrentDictionary<string, double> sums, string key) => (long)sums.GetValueOrDefault(key);

    private static void Add(ConcurrentDictionary<string, double> sums, Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string key = instrument.Name + string.Concat(tags.ToArray().Select(t => $"|{t.Key}={t.Value}"));
        sums.AddOrUpdate(key, value, (_, old) => old + value);
    }
}
