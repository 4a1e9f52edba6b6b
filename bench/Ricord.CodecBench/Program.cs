using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ricord.CodecBench;
using Ricord.Dicom;
using Ricord.Dicom.Imaging;

// Codec benchmark: files encoded by the peers' own encoders, decoded by Ricord in-process and by the peers'
// decoders as whole processes (start-up included; the start-up of each tool is measured and reported apart).
int count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
string output = args.Length > 1 ? args[1] : Path.Combine("bench", "results", "codecs.md");
string work = Directory.CreateTempSubdirectory("ricord-codecbench-").FullName;
var cases = new (string Name, string Encoder, string[] EncodeArgs, string Decoder, string[] DecodeArgs)[]
{
    ("RLE Lossless", "dcmcrle", [], "dcmdrle", []),
    ("JPEG Lossless SV1", "dcmcjpeg", ["+e1"], "dcmdjpeg", []),
    ("JPEG Extended 12-bit (lossy)", "dcmcjpeg", ["+ee"], "dcmdjpeg", []),
    ("JPEG-LS Lossless", "dcmcjpls", [], "dcmdjpls", []),
    ("JPEG 2000 Lossless", "gdcmconv", ["--j2k"], "gdcmconv", ["--raw"]),
};

try
{
    var natives = new List<string>();
    for (int i = 0; i < count; i++)
    {
        string path = Path.Combine(work, $"native{i:D3}.dcm");
        Phantom.Create(i).Save(path);
        natives.Add(path);
    }

    double megabytes = count * Phantom.Size * Phantom.Size * 2 / 1e6;
    var report = new StringBuilder();
    report.AppendLine("# Codec benchmark").AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"{count} files of a 512x512 CT-like image (16 bits allocated, 12 stored), {megabytes:F1} MB decoded per codec; {Environment.ProcessorCount} CPUs, {DateTime.UtcNow:yyyy-MM-dd}.")
        .AppendLine("Files are encoded by the peers' encoders. Ricord: open + decode in-process, best of 3 runs after a warm-up. Peer: one whole process per file")
        .AppendLine("(start-up, file reading and writing included), best of 2; 'peer net' subtracts the tool's start-up, measured by running it on `--version` as many times.")
        .AppendLine()
        .AppendLine("| Codec | Compressed MB | Ricord MB/s | Peer | Peer MB/s | Peer net MB/s | Ricord / peer | Ricord / peer net |")
        .AppendLine("|---|---:|---:|---|---:|---:|---:|---:|");
    foreach (var c in cases)
    {
        var encoded = natives.Select((n, i) => Encode(c.Encoder, c.EncodeArgs, n, Path.Combine(work, $"{c.Encoder}{c.EncodeArgs.FirstOrDefault()}{i:D3}.dcm"))).ToList();
        double compressed = encoded.Sum(f => new FileInfo(f).Length) / 1e6;
        DecodeAll(encoded);
        double ours = Enumerable.Range(0, 3).Min(_ => Time(() => DecodeAll(encoded)));
        string outFile = Path.Combine(work, "peer-out.dcm");
        double peer = Enumerable.Range(0, 2).Min(_ => encoded.Sum(f => PeerProcess.Run(c.Decoder, [.. c.DecodeArgs, f, outFile]).TotalSeconds));
        double startup = encoded.Sum(_ => PeerProcess.Run(c.Decoder, "--version").TotalSeconds);
        double net = Math.Max(peer - startup, 1e-9);
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| {c.Name} | {compressed:F2} | {megabytes / ours:F0} | {c.Decoder} {string.Join(' ', c.DecodeArgs)} | {megabytes / peer:F0} | {megabytes / net:F0} | {peer / ours:F2} | {net / ours:F2} |");
        Console.WriteLine($"{c.Name}: Ricord {megabytes / ours:F0} MB/s, {c.Decoder} {megabytes / peer:F0} MB/s ({megabytes / net:F0} net)");
    }

    report.AppendLine().AppendLine("Ratios above 1 mean Ricord is faster. JPEG 2000 and JPEG-LS go through OpenJPEG and CharLS in both Ricord and the peer")
        .AppendLine("(gdcm links OpenJPEG, dcmtk its own CharLS copy), so those rows mostly compare glue and I/O.");
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    File.WriteAllText(output, report.ToString());
    Console.WriteLine($"Wrote {output}");
}
finally
{
    Directory.Delete(work, true);
}

static string Encode(string tool, string[] args, string input, string output)
{
    PeerProcess.Run(tool, [.. args, input, output]);
    return output;
}

static void DecodeAll(List<string> files)
{
    foreach (var f in files)
    {
        var file = DicomFile.Open(f);
        var info = PixelDataInfo.FromDataset(file.Dataset);
        var codec = PixelCodecs.Get(file.TransferSyntax);
        for (int i = 0; i < info.NumberOfFrames; i++)
        {
            codec.Decode(DicomPixelData.GetFrame(file.Dataset, i, file.TransferSyntax).Span, info);
        }
    }
}

static double Time(Action action)
{
    var clock = Stopwatch.StartNew();
    action();
    return clock.Elapsed.TotalSeconds;
}
