using System.Diagnostics;
using Ricord.Catalog;

namespace Ricord.CatalogBench;

/// <summary>Timed study searches through the real catalog API (first page, 100 rows, counts included).</summary>
internal static class SearchBench
{
    public sealed record Stats(double P50, double P99, double Mean);

    public static IEnumerable<(string Name, Func<Random, StudyQuery> Query)> Queries(SyntheticCatalog s)
    {
        yield return ("studies by PatientID", r => new StudyQuery { PatientId = SyntheticCatalog.PatientId(r.Next(s.Patients)), Limit = 100 });
        yield return ("studies by 30-day StudyDate range", r =>
        {
            var from = SyntheticCatalog.FirstDate.AddDays(r.Next(SyntheticCatalog.Days - 30));
            return new StudyQuery { StudyDateFrom = from, StudyDateTo = from.AddDays(29), Limit = 100 };
        });
    }

    public static async Task<Stats> RunAsync(DatabaseCatalog catalog, Func<Random, StudyQuery> query, int count)
    {
        var random = new Random(42);
        for (var i = 0; i < 50; i++)
        {
            await catalog.SearchStudiesAsync(query(random), CancellationToken.None);
        }

        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var q = query(random);
            var sw = Stopwatch.StartNew();
            var page = await catalog.SearchStudiesAsync(q, CancellationToken.None);
            times[i] = sw.Elapsed.TotalMilliseconds;
            if (page.Items.Count == 0 && q.PatientId is not null)
            {
                throw new InvalidOperationException($"No studies for {q.PatientId}: the load is wrong.");
            }
        }

        Array.Sort(times);
        return new Stats(times[count / 2], times[(int)(count * 0.99) - 1], times.Average());
    }
}
