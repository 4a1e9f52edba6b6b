using BenchmarkDotNet.Attributes;
using Ricord.Dicom;

namespace Ricord.Benchmarks;

/// <summary>Writing the parsed CT slice in each uncompressed transfer syntax, and its header as DICOM JSON.</summary>
[MemoryDiagnoser]
public class WriteBenchmarks
{
    private static readonly DicomWriteOptions ExplicitLE = new() { TransferSyntax = DicomTransferSyntax.ExplicitVRLittleEndian };
    private static readonly DicomWriteOptions ImplicitLE = new() { TransferSyntax = DicomTransferSyntax.ImplicitVRLittleEndian };
    private static readonly DicomWriteOptions Deflated = new() { TransferSyntax = DicomTransferSyntax.DeflatedExplicitVRLittleEndian };
    private DicomFile _file = null!;
    private DicomDataset _header = null!;

    [GlobalSetup]
    public void Setup()
    {
        byte[] bytes = File.ReadAllBytes(SampleFile.Path);
        _file = DicomFile.Read(bytes);
        _header = DicomFile.Read(bytes, new DicomReadOptions { StopBeforePixelData = true }).Dataset;
    }

    [Benchmark(Baseline = true)]
    public long WriteExplicitLE() => Write(ExplicitLE);

    [Benchmark]
    public long WriteImplicitLE() => Write(ImplicitLE);

    /// <summary>Deflate of 0.5 MB of noise-like pixels: dominated by zlib.</summary>
    [Benchmark]
    public long WriteDeflated() => Write(Deflated);

    /// <summary>The header (no pixel data) as DICOM JSON, UTF-8.</summary>
    [Benchmark]
    public int JsonHeader() => DicomJsonWriter.ToUtf8Bytes(_header).Length;

    /// <summary>To a byte array, as <see cref="DicomFile.ToBytes"/> does (a MemoryStream, then its copy).</summary>
    private long Write(DicomWriteOptions options) => _file.ToBytes(options).Length;
}
