namespace Ricord.Benchmarks;

/// <summary>The CT slice every benchmark uses.</summary>
internal static class SampleFile
{
    public static string Path
    {
        get
        {
            string path = Environment.GetEnvironmentVariable("RICORD_BENCH_CT") ?? "/tmp/ricord-ct-corpus/ct00000.dcm";
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException(
                    $"No CT file at {path}: run `/usr/bin/python3 bench/make-ct-corpus.py /tmp/ricord-ct-corpus` or set RICORD_BENCH_CT", path);
        }
    }
}
