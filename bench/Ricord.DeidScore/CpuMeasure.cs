using System.Diagnostics;
using System.Globalization;
using Ricord.Deid;

namespace Ricord.DeidScore;

/// <summary>
/// De-identification of the typical CT header measured as process CPU time and bytes allocated per
/// <see cref="Deidentifier.Apply(Ricord.Dicom.DicomDataset, DeidContext)"/> (copies made beforehand, not counted): on a
/// machine shared with other work, CPU time per operation moves far less than wall-clock rates do. 20,000 warm-up calls,
/// then five rounds of 4,000; the lowest and the median are the numbers to compare between engines.
/// </summary>
internal static class CpuMeasure
{
    private const int Warmup = 20_000;
    private const int Round = 4_000;
    private const int Rounds = 5;

    public static int Run()
    {
        var context = new DeidContext(new InMemoryLinkTable([.. Enumerable.Range(1, 32).Select(i => (byte)i)]), "RICORD-BENCH", "990001");
        var engine = new Deidentifier();
        var template = TypicalCt.Build();
        for (int i = 0; i < Warmup; i++)
        {
            engine.Apply(template.Clone(), context);
        }

        var perApply = new List<double>();
        for (int round = 0; round < Rounds; round++)
        {
            var copies = Enumerable.Range(0, Round).Select(_ => template.Clone()).ToArray();
            using var process = Process.GetCurrentProcess();
            var cpu0 = process.TotalProcessorTime;
            long bytes0 = GC.GetAllocatedBytesForCurrentThread();
            foreach (var copy in copies)
            {
                engine.Apply(copy, context);
            }

            long bytes = (GC.GetAllocatedBytesForCurrentThread() - bytes0) / Round;
            process.Refresh();
            double us = (process.TotalProcessorTime - cpu0).TotalMilliseconds * 1000 / Round;
            perApply.Add(us);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}: {us:F1} µs CPU per Apply, {bytes} bytes allocated"));
        }

        var sorted = perApply.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"typical CT header: lowest {sorted[0]:F1} µs, median {sorted[Rounds / 2]:F1} µs CPU per Apply"));
        return 0;
    }
}
