using System.Globalization;
using Ricord.Deid;
using Ricord.Dicom;
using Xunit.Abstractions;

namespace Ricord.Cli.Tests.Commands;

/// <summary>
/// `ricord deid` links a batch's new patients in one durable commit before it writes any of the batch's outputs. Killed
/// (SIGKILL) at random points while it writes, over and over, it must never leave an output whose pseudonym the link
/// table does not hold for that output's own patient, nor a truncated output; a last run completes the folder.
/// </summary>
[Trait("Category", "Crash")]
public sealed class DeidCrashTests(ITestOutputHelper output)
{
    private const int Patients = 1500;
    private const int InstancesPerPatient = 2;
    private const int Kills = 4;
    private const string Collection = "RICORD-CRASH";
    private const string Site = "990001";

    [Fact]
    public async Task A_kill_at_any_point_leaves_no_output_without_its_link()
    {
        string work = Path.Combine(Path.GetTempPath(), $"ricord-deidcrash-{Guid.NewGuid():N}");
        string input = Path.Combine(work, "in"), outDir = Path.Combine(work, "out"), link = Path.Combine(work, "secrets", "link.db");
        try
        {
            var originals = WriteInput(input);
            string[] args = ["deid", input, outDir, "--collection", Collection, "--site", Site, "--link-table", link];
            var environment = new Dictionary<string, string>();
            var random = new Random(20261207);
            int liveKills = 0;
            for (int k = 0; k < Kills; k++)
            {
                using (var cli = CliProcess.Start(environment, args))
                {
                    int before = Outputs(outDir).Count;
                    await IngestCrashTests.UntilAsync(() => cli.HasExited || Outputs(outDir).Count > before, TimeSpan.FromSeconds(120));
                    await Task.Delay(random.Next(0, 40));
                    bool finished = cli.HasExited;
                    await cli.KillAsync();
                    liveKills += finished ? 0 : 1;
                    output.WriteLine($"run {k + 1}: {(finished ? "finished before the kill" : "killed")} at {Outputs(outDir).Count} outputs");
                }

                AssertEveryOutputLinked(outDir, link, originals);
            }

            using (var cli = CliProcess.Start(environment, args))
            {
                int code = await cli.WaitAsync(TimeSpan.FromMinutes(5));
                Assert.True(code == 0, $"exit code {code}\n{cli.Output}");
            }

            AssertEveryOutputLinked(outDir, link, originals);
            Assert.Equal(originals.Count, Outputs(outDir).Count);
            Assert.True(liveKills >= 2, $"only {liveKills} of {Kills} kills met a running de-identification");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Small CT instances, two per patient, each patient new to the link table; original SOP Instance UID → PatientID.</summary>
    private static Dictionary<string, string> WriteInput(string folder)
    {
        Directory.CreateDirectory(folder);
        var originals = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int p = 0; p < Patients; p++)
        {
            for (int i = 0; i < InstancesPerPatient; i++)
            {
                string patient = string.Create(CultureInfo.InvariantCulture, $"MRN{p:D6}");
                string sop = string.Create(CultureInfo.InvariantCulture, $"1.2.826.0.1.3680043.10.1137.77.{p}.{i}");
                var ds = new DicomDataset()
                    .SetString(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.2")
                    .SetString(DicomTags.SOPInstanceUID, DicomVR.UI, sop)
                    .SetString(DicomTags.Modality, DicomVR.CS, "CT")
                    .SetString(DicomTags.PatientName, DicomVR.PN, string.Create(CultureInfo.InvariantCulture, $"DOE^PATIENT{p}"))
                    .SetString(DicomTags.PatientID, DicomVR.LO, patient)
                    .SetString(DicomTags.StudyInstanceUID, DicomVR.UI, string.Create(CultureInfo.InvariantCulture, $"1.2.826.0.1.3680043.10.1137.77.{p}"))
                    .SetString(DicomTags.SeriesInstanceUID, DicomVR.UI, string.Create(CultureInfo.InvariantCulture, $"1.2.826.0.1.3680043.10.1137.77.{p}.100"))
                    .SetUInt16(DicomTags.Rows, 8).SetUInt16(DicomTags.Columns, 8);
                new DicomFile(ds).Save(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"p{p:D6}-{i}.dcm")));
                originals[sop] = patient;
            }
        }

        return originals;
    }

    private static List<string> Outputs(string folder) =>
        Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder, "*.dcm", SearchOption.AllDirectories)] : [];

    /// <summary>Every output is complete, and the link table holds its pseudonym for the patient it came from.</summary>
    private static void AssertEveryOutputLinked(string outDir, string linkPath, Dictionary<string, string> originals)
    {
        using var table = new SqliteLinkTable(linkPath);
        var engine = new Deidentifier();
        var patientOf = originals.ToDictionary(kv => engine.RemapUid(kv.Key, table), kv => kv.Value, StringComparer.Ordinal);
        foreach (var path in Outputs(outDir))
        {
            var ds = DicomFile.Open(path).Dataset;
            string sop = ds.GetString(DicomTags.SOPInstanceUID) ?? "";
            Assert.True(patientOf.TryGetValue(sop, out var patient), "an output whose instance is not in the input");
            var links = table.FindPatient(Site, patient, Collection);
            Assert.True(links.Count == 1, "an output was written whose patient has no durable link");
            Assert.Equal(links[0].Link.Pseudonym, ds.GetString(DicomTags.PatientID));
        }
    }
}
