using System.Diagnostics;
using System.Globalization;
using Ricord.Deid;
using Ricord.DeidScoring;
using Ricord.Dicom;

namespace Ricord.DeidScore;

/// <summary>
/// De-identification alone, in process: <see cref="Deidentifier.Apply(DicomDataset, DeidContext)"/> on a fresh copy of
/// the data set, no I/O. Two inputs: a typical CT slice header (with 512×512 pixel data, which is not touched) and a
/// hard-corpus file (about 1,700 planted values). After a six-second warm-up, reports the median of seven rounds.
/// </summary>
internal static class Throughput
{
    private const int Rounds = 7;
    private const double WarmUpSeconds = 6;

    public static int Run(int seconds, int seed)
    {
        var corpus = PhiCorpusGenerator.Generate(seed, 1);
        var context = new DeidContext(new InMemoryLinkTable([.. Enumerable.Range(1, 32).Select(i => (byte)i)]), "RICORD-BENCH", "990001");
        var engine = new Deidentifier();
        Console.WriteLine($"runtime {Environment.Version}, {Environment.ProcessorCount} cores, profile {engine.Profile.Name}");
        Measure("typical CT slice header", TypicalCt.Build(), engine, context, seconds);
        Measure("hard PHI corpus file", corpus.Files[0].File.Dataset, engine, context, seconds);
        return 0;
    }

    private static void Measure(string what, DicomDataset template, Deidentifier engine, DeidContext context, int seconds)
    {
        // Warm up (JIT, tiered compilation to optimised code; on a loaded machine the background compiler needs a while), then seven rounds.
        Rate(() => engine.Apply(template.Clone(), context), WarmUpSeconds);
        var rates = new List<double>();
        var cloneRates = new List<double>();
        for (int round = 0; round < Rounds; round++)
        {
            rates.Add(Rate(() => engine.Apply(template.Clone(), context), (double)seconds / Rounds));
            cloneRates.Add(Rate(() => template.Clone(), seconds / (2.0 * Rounds)));
        }

        double median = rates.Order().ElementAt(Rounds / 2), clone = cloneRates.Order().ElementAt(Rounds / 2);
        double perApply = (1.0 / median) - (1.0 / clone);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {median:F0} instances/s (copy + Apply; rounds {string.Join(", ", rates.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))}); " +
            $"Apply alone about {1e6 * perApply:F1} µs per instance"));
    }

    private static double Rate(Action action, double seconds)
    {
        var clock = Stopwatch.StartNew();
        long n = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            action();
            n++;
        }

        return n / clock.Elapsed.TotalSeconds;
    }
}
