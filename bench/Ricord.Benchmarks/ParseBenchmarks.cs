using BenchmarkDotNet.Attributes;
using Ricord.Dicom;

namespace Ricord.Benchmarks;

/// <summary>Parsing one 512x512 16-bit CT slice (about 0.5 MB, ~130 top-level elements).</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private static readonly DicomReadOptions HeaderOnly = new() { StopBeforePixelData = true };
    private string _path = "";
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup()
    {
        _path = SampleFile.Path;
        _bytes = File.ReadAllBytes(_path);
    }

    [Benchmark(Baseline = true)]
    public int HeaderFromBytes() => DicomFile.Read(_bytes, HeaderOnly).Dataset.Count;

    [Benchmark]
    public int HeaderFromFile() => DicomFile.Open(_path, HeaderOnly).Dataset.Count;

    /// <summary>Whole file from bytes already in memory: pixel data is a slice, not a copy.</summary>
    [Benchmark]
    public int FullFromBytes() => DicomFile.Read(_bytes).Dataset.Count;

    /// <summary>Whole file from disk: read all bytes, parse, touch the pixel data.</summary>
    [Benchmark]
    public int FullFromFile()
    {
        var file = DicomFile.Read(File.ReadAllBytes(_path));
        return file.Dataset[DicomTags.PixelData] is { } pixels ? pixels.Bytes[^1] : 0;
    }
}
