using Ricord.Dicom;

namespace Ricord.Synth;

public sealed partial class SynthGenerator
{
    private IEnumerable<(PatientPlan P, StudyPlan S, SeriesPlan Se, InstancePlan I)> AllInstances() =>
        from p in _planner.CtPatients().Concat(_planner.CxrPatients())
        from s in p.Studies
        from se in s.Series
        from i in se.Instances
        where !i.Omitted
        select (p, s, se, i);

    private async Task<(long Instances, long Bytes)> WriteInstancesAsync(string outDir, long total, IProgress<SynthProgress>? progress, CancellationToken ct)
    {
        long written = 0, bytes = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism), CancellationToken = ct };
        await Parallel.ForEachAsync(AllInstances(), parallel, async (x, token) =>
        {
            var ds = SynthInstanceWriter.Build(options.Seed, x.P, x.S, x.Se, x.I, true, null);
            string path = Path.Combine(outDir, x.I.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            long length;
            if (x.I.Truncate)
            {
                byte[] data = new DicomFile(ds).ToBytes();
                length = data.Length / 2;
                await File.WriteAllBytesAsync(path, data.AsMemory(0, (int)length), token).ConfigureAwait(false);
            }
            else
            {
                new DicomFile(ds).Save(path);
                length = new FileInfo(path).Length;
            }

            SynthInstanceWriter.ReturnPixels(ds);
            long b = Interlocked.Add(ref bytes, length);
            long n = Interlocked.Increment(ref written);
            progress?.Report(new SynthProgress(n, total, b));
        }).ConfigureAwait(false);
        return (written, bytes);
    }
}
