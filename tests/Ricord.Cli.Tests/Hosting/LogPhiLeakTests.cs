using System.Text;
using Ricord.Cli.Tests.Commands;

namespace Ricord.Cli.Tests.Hosting;

/// <summary>
/// The logging policy (docs/design.md): `ricord synth` plants PHI and lists it in phi-manifest.json; ingest (clean
/// and messy, so quarantines are logged too), clinical import, query and quarantine listing run through the CLI host
/// with a logger that keeps every line at Debug; no planted value may appear in any line.
/// </summary>
public sealed class LogPhiLeakTests
{
    [Fact]
    public void No_planted_PHI_appears_in_any_log_line()
    {
        string root = Path.Combine(Path.GetTempPath(), $"ricord-logphi-{Guid.NewGuid():N}");
        using var logs = new CapturingLoggerProvider();
        try
        {
            string synth = Path.Combine(root, "synth"), data = Path.Combine(root, "data");
            Assert.Equal(0, Run(logs, "synth", synth, "--seed", "29", "--messy", "--ct-patients", "1", "--cxr-patients", "6", "--slices", "8", "--cxr-size", "128"));
            foreach (var site in Directory.GetDirectories(Path.Combine(synth, "sites")))
            {
                string code = Path.GetFileName(site);
                int rc = Run(logs, "ingest", Path.Combine(site, "dicom"), "--collection", "RICORD-TEST", "--site", code, "--data", data);
                Assert.True(rc is 0 or 5, $"ingest exit code {rc}");
                string csv = Path.Combine(site, "clinical.csv");
                if (File.Exists(csv))
                {
                    rc = Run(logs, "clinical", "import", csv, "--site", code, "--collection", "RICORD-TEST", "--date-format", Ricord.Synth.SynthGenerator.ClinicalDateFormat(code)!, "--data", data);
                    Assert.True(rc is 0 or 5, $"clinical import exit code {rc}");
                }
            }

            Assert.Equal(0, Run(logs, "query", "--data", data, "--json"));
            Assert.Equal(0, Run(logs, "quarantine", "list", "--data", data));

            var lines = logs.Lines.ToList();
            Assert.Contains(lines, l => l.Contains("Indexed a batch of", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("Quarantined an object", StringComparison.Ordinal));
            var needles = PhiManifest.Load(Path.Combine(synth, "phi-manifest.json")).Needles();
            Assert.True(needles.Count > 50, $"only {needles.Count} PHI values in the manifest");
            // The search itself finds a planted value in a line (so an empty result means something).
            Assert.All(needles.Take(20), n => Assert.True(Contains(Encoding.UTF8.GetBytes($"Indexed {n.Value} here"), n) || n.Bytes.Length != Encoding.UTF8.GetByteCount(n.Value)));
            var leaks = new List<string>();
            foreach (var line in lines)
            {
                byte[] bytes = Encoding.UTF8.GetBytes(line);
                foreach (var n in needles.Where(n => Contains(bytes, n)))
                {
                    leaks.Add($"{n.Kind} '{n.Value}' in: {line}");
                }
            }

            Assert.True(leaks.Count == 0, $"{leaks.Count} leaks:\n" + string.Join("\n", leaks.Take(20)));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>All-digit values count only as whole numbers (a count of 12 is not the planted time 12).</summary>
    private static bool Contains(byte[] line, PhiManifest.Needle n)
    {
        for (int from = 0, i; (i = line.AsSpan(from).IndexOf(n.Bytes)) >= 0; from += i + 1)
        {
            int at = from + i, end = at + n.Bytes.Length;
            if (!n.Numeric || ((at == 0 || !char.IsAsciiDigit((char)line[at - 1])) && (end == line.Length || !char.IsAsciiDigit((char)line[end]))))
            {
                return true;
            }
        }

        return false;
    }

    private static int Run(CapturingLoggerProvider logs, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        return CliApp.RunWithLogs(args, stdout, stderr, logs);
    }
}
