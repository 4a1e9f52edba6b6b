using System.Text;
using Ricord.Deid;
using Ricord.Dicom;

namespace Ricord.Cli.Tests.Commands;

/// <summary>
/// End to end through the CLI: `ricord synth` plants PHI and lists it in phi-manifest.json; after
/// `ricord ingest` and `ricord clinical import` of every site, no planted string may appear in any stored
/// byte outside the secrets folder (blobs, catalog database, WAL) nor in anything the CLI printed.
/// </summary>
public sealed class IngestPhiLeakTests
{
    [Theory]
    [InlineData(11, false)]
    [InlineData(29, true)]
    public void No_planted_PHI_survives_ingest(int seed, bool messy)
    {
        string root = Path.Combine(Path.GetTempPath(), $"ricord-phi-{Guid.NewGuid():N}");
        try
        {
            string synth = Path.Combine(root, "synth");
            string data = Path.Combine(root, "data");
            var output = new StringBuilder();
            var args = new List<string> { "synth", synth, "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ct-patients", "2", "--cxr-patients", "8", "--slices", "12", "--cxr-size", "256" };
            if (messy)
            {
                args.Add("--messy");
            }

            Assert.Equal(0, Run(output, [.. args]));
            int accepted = 0;
            foreach (var site in Directory.GetDirectories(Path.Combine(synth, "sites")))
            {
                int code = Run(output, "ingest", Path.Combine(site, "dicom"), "--collection", "RICORD-TEST", "--site", Path.GetFileName(site), "--data", data);
                Assert.True(code is 0 or 5, $"ingest exit code {code}");
                accepted += Directory.Exists(Path.Combine(data, "blobs")) ? 1 : 0;
            }

            int clinicalSites = 0;
            foreach (var site in Directory.GetDirectories(Path.Combine(synth, "sites")))
            {
                string code = Path.GetFileName(site);
                string csv = Path.Combine(site, "clinical.csv");
                if (!File.Exists(csv))
                {
                    continue;
                }

                int rc = Run(output, "clinical", "import", csv, "--site", code, "--collection", "RICORD-TEST", "--date-format", Ricord.Synth.SynthGenerator.ClinicalDateFormat(code)!, "--data", data);
                Assert.True(rc is 0 or 5, $"clinical import exit code {rc}");
                clinicalSites++;
            }

            Assert.True(clinicalSites > 0, "no clinical sheet was imported");
            Assert.True(Run(output, "clinical", "list", "--data", data, "--limit", "1000") == 0);
            Assert.True(Run(output, "clinical", "list", "--json", "--data", data, "--limit", "1000") == 0);
            Assert.Contains("\"RT-PCR Date\"", output.ToString(), StringComparison.Ordinal);
            Assert.True(accepted > 0 && Directory.EnumerateFiles(Path.Combine(data, "blobs"), "*", SearchOption.AllDirectories).Count() > 20, "too little was accepted for the test to mean anything");
            var manifest = PhiManifest.Load(Path.Combine(synth, "phi-manifest.json"));
            var needles = manifest.Needles();
            Assert.True(needles.Count > 100, $"only {needles.Count} PHI values in the manifest");
            Dictionary<string, HashSet<string>> shifted;
            using (var links = new SqliteLinkTable(Path.Combine(data, "secrets", "link.db")))
            {
                shifted = manifest.ShiftedByPseudonym(links, "RICORD-TEST");
            }

            var anyShifted = shifted.Values.SelectMany(v => v).ToHashSet(StringComparer.Ordinal);
            var leaks = new List<string>();
            foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories)
                         .Where(f => !f.StartsWith(Path.Combine(data, "secrets") + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            {
                byte[] bytes = File.ReadAllBytes(file);
                string where = Path.GetRelativePath(data, file);
                Scan(bytes, where, needles, where.StartsWith("blobs", StringComparison.Ordinal) ? ShiftedFor(bytes, shifted) : anyShifted, leaks);
            }

            Scan(Encoding.UTF8.GetBytes(output.ToString()), "CLI output", needles, anyShifted, leaks);

            // The same data through `ricord deid` at each site: what leaves the site (OUT) and what it prints.
            string deidOut = Path.Combine(root, "deid-out"), deidLinks = Path.Combine(root, "deid-link.db");
            var deidOutput = new StringBuilder();
            foreach (var site in Directory.GetDirectories(Path.Combine(synth, "sites")))
            {
                int code = Run(deidOutput, "deid", Path.Combine(site, "dicom"), Path.Combine(deidOut, Path.GetFileName(site)), "--collection", "RICORD-TEST",
                    "--site", Path.GetFileName(site), "--link-table", deidLinks);
                Assert.True(code is 0 or 5, $"deid exit code {code}\n{deidOutput}");
            }

            using (var links = new SqliteLinkTable(deidLinks))
            {
                shifted = manifest.ShiftedByPseudonym(links, "RICORD-TEST");
            }

            anyShifted = shifted.Values.SelectMany(v => v).ToHashSet(StringComparer.Ordinal);
            // The dose report screens (burned-in text) are held for review beside the link table, not in OUT.
            Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(root, "review"), "*.dcm", SearchOption.AllDirectories));
            var written = Directory.EnumerateFiles(deidOut, "*", SearchOption.AllDirectories).ToList();
            Assert.True(written.Count > 20, $"deid wrote only {written.Count} files");
            foreach (var file in written)
            {
                byte[] bytes = File.ReadAllBytes(file);
                Scan(bytes, "deid " + Path.GetRelativePath(deidOut, file), needles, ShiftedFor(bytes, shifted), leaks);
            }

            Scan(Encoding.UTF8.GetBytes(deidOutput.ToString()), "deid output", needles, anyShifted, leaks);
            Assert.True(leaks.Count == 0, $"{leaks.Count} leaks:\n" + string.Join("\n", leaks.Take(30)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static int Run(StringBuilder output, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        output.Append(stdout).Append(stderr);
        return code;
    }

    /// <summary>The shifted dates and times of the patient a stored blob (a de-identified DICOM file) belongs to.</summary>
    private static HashSet<string> ShiftedFor(byte[] blob, Dictionary<string, HashSet<string>> shifted) =>
        DicomFile.Read(blob).Dataset.GetString(DicomTags.PatientID) is { } pseudonym ? shifted.GetValueOrDefault(pseudonym, []) : [];

    /// <summary>
    /// All-digit values (times, study IDs) count only as whole tokens: not inside a longer run of digits and
    /// dots, where they occur by chance in remapped UIDs, nor inside a hash (<see cref="InsideHash"/>); and not where they equal a date or time the
    /// de-identifier wrote for the patient (<paramref name="shifted"/>: that patient's, or anyone's where the
    /// bytes name no patient), which by chance can equal another planted value.
    /// </summary>
    private static void Scan(byte[] data, string where, List<PhiManifest.Needle> needles, IReadOnlySet<string> shifted, List<string> leaks)
    {
        foreach (var n in needles)
        {
            bool numeric = n.Numeric;
            if (numeric && shifted.Contains(n.Value))
            {
                continue;
            }

            int from = 0;
            while (from <= data.Length - n.Bytes.Length)
            {
                int i = data.AsSpan(from).IndexOf(n.Bytes);
                if (i < 0)
                {
                    break;
                }

                i += from;
                bool before = i > 0 && IsNumberChar(data[i - 1]);
                bool after = i + n.Bytes.Length < data.Length && IsNumberChar(data[i + n.Bytes.Length]);
                if (!numeric || (!before && !after && !InsideHash(data, i, n.Bytes.Length)))
                {
                    leaks.Add($"{n.Kind} '{n.Value}' in {where} at byte {i}");
                    break;
                }

                from = i + 1;
            }
        }
    }

    private static bool IsNumberChar(byte b) => b is >= (byte)'0' and <= (byte)'9' or (byte)'.';

    /// <summary>Whether the match lies in a run of at least 32 lower-case hex characters: a content hash, blob key,
    /// vault id or keyed reference, random per data directory (its key), where any digit string occurs by chance.</summary>
    private static bool InsideHash(byte[] data, int start, int length)
    {
        int from = start, to = start + length;
        while (from > 0 && IsHexChar(data[from - 1]))
        {
            from--;
        }

        while (to < data.Length && IsHexChar(data[to]))
        {
            to++;
        }

        return to - from >= 32;
    }

    private static bool IsHexChar(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f';
}
