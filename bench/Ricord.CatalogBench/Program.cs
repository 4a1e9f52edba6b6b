using System.Diagnostics;
using System.Globalization;
using Ricord.Catalog;
using Ricord.CatalogBench;

// Usage: Ricord.CatalogBench [instances=1000000] [providers=sqlite,postgres]
// PostgreSQL comes from RICORD_BENCH_POSTGRES or RICORD_TEST_POSTGRES (an admin connection; a database
// ricord_bench_<n> is created and dropped). SQLite goes to a temp directory (or RICORD_BENCH_DIR).
var instances = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var providers = (args.Length > 1 ? args[1] : "sqlite,postgres").Split(',');
var synthetic = new SyntheticCatalog(instances);
Console.WriteLine($"Catalog bench: {synthetic.Instances:N0} instances, {synthetic.Studies:N0} studies, {synthetic.Patients:N0} patients; {Environment.ProcessorCount} CPUs; .NET {Environment.Version}");
Console.WriteLine("| provider | load s | query | p50 ms | p99 ms | mean ms |");
Console.WriteLine("|---|---:|---|---:|---:|---:|");

foreach (var provider in providers)
{
    await using var target = await BenchDatabase.CreateAsync(provider.Trim(), synthetic.Instances);
    var catalog = new DatabaseCatalog(target.Options);
    await catalog.MigrateAsync(CancellationToken.None);
    await catalog.EnsureCollectionAsync("RICORD-1A", null, CancellationToken.None);
    await catalog.EnsureSiteAsync("419639", "Bench site", CancellationToken.None);

    var load = Stopwatch.StartNew();
    if (!target.Loaded)
    {
        await BulkLoader.LoadAsync(target.Options, synthetic);
    }

    load.Stop();

    foreach (var (name, query) in SearchBench.Queries(synthetic))
    {
        var stats = await SearchBench.RunAsync(catalog, query, 1000);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {provider} | {load.Elapsed.TotalSeconds:F0} | {name} | {stats.P50:F2} | {stats.P99:F2} | {stats.Mean:F2} |"));
    }

    if (QueryPlan.Enabled)
    {
        foreach (var (name, query) in SearchBench.Queries(synthetic))
        {
            await QueryPlan.PrintAsync(catalog, query(new Random(7)), name);
        }
    }
}
