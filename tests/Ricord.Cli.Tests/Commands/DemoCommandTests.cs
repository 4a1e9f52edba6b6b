using System.Text.Json;

namespace Ricord.Cli.Tests.Commands;

public sealed class DemoCommandTests
{
    [Fact]
    public void Demo_runs_end_to_end_and_refuses_a_folder_it_does_not_own()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"ricord-demo-{Guid.NewGuid():N}");
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            int code = CliApp.Run(["demo", "--dir", dir, "--ct-patients", "1", "--cxr-patients", "4", "--slices", "8"], stdout, stderr);
            Assert.True(code == 0, stderr.ToString());
            string output = stdout.ToString();
            Assert.Contains("4. Catalog", output, StringComparison.Ordinal);
            Assert.Contains("clinical records", output, StringComparison.Ordinal);
            Assert.Contains("CT", output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(dir, "data", "catalog.db")));
            Assert.True(File.Exists(Path.Combine(dir, "data", "secrets", "link.db")));

            // The reading steps: both RICORD projects hold every simulated read, submitted; the radiograph project's
            // adjudicator answered every study the consensus rule (any disagreement) sends to adjudication.
            Assert.Contains("6. Consensus and agreement", output, StringComparison.Ordinal);
            Assert.Contains("fleiss_kappa", output, StringComparison.Ordinal);
            Assert.Contains("consensus per group", output, StringComparison.Ordinal);
            foreach (var project in new[] { "RICORD-CT", "RICORD-CXR" })
            {
                using var status = new StringWriter();
                Assert.Equal(0, CliApp.Run(["project", "status", project, "--json", "--as", "demo", "--data", Path.Combine(dir, "data")], status, new StringWriter()));
                var root = JsonDocument.Parse(status.ToString()).RootElement;
                Assert.True(root.GetProperty("studies").GetInt32() > 0, project);
                Assert.Equal(root.GetProperty("studies").GetInt32(), root.GetProperty("studiesComplete").GetInt32());
                if (project == "RICORD-CXR")
                {
                    Assert.Equal(0, root.GetProperty("adjudicationPending").GetInt32());
                }
            }

            // The release step: built into the demo folder and verified against the link table.
            Assert.Contains("7. Release", output, StringComparison.Ordinal);
            Assert.Contains("verified", output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(dir, "release-1.0.0", "manifest.json")));
            Assert.True(Directory.EnumerateFiles(Path.Combine(dir, "release-1.0.0", "nifti"), "*.nii", SearchOption.AllDirectories).Any());

            // A second run replaces its own folder; a foreign non-empty folder is refused.
            using var err2 = new StringWriter();
            Assert.True(CliApp.Run(["demo", "--dir", dir, "--ct-patients", "1", "--cxr-patients", "2", "--slices", "8"], new StringWriter(), err2) == 0, err2.ToString());
            string foreign = dir + "-foreign";
            Directory.CreateDirectory(foreign);
            File.WriteAllText(Path.Combine(foreign, "keep.txt"), "x");
            Assert.Equal(ExitCodes.OutputNotEmpty, CliApp.Run(["demo", "--dir", foreign], new StringWriter(), new StringWriter()));
            Assert.True(File.Exists(Path.Combine(foreign, "keep.txt")));
            Directory.Delete(foreign, recursive: true);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
