namespace Ricord.Dicom.Tests.Docs;

public sealed class ConformanceDocTests
{
    /// <summary>docs/conformance.md must begin with the generated tables. Set RICORD_WRITE_DOCS=1 to rewrite that part.</summary>
    [Fact]
    public void Conformance_statement_matches_the_code()
    {
        string path = Path.Combine(RepoRoot(), "docs", "conformance.md");
        string generated = DicomConformance.Markdown();
        const string Marker = "<!-- end of generated part -->";
        string current = File.Exists(path) ? File.ReadAllText(path) : "";
        int end = current.IndexOf(Marker, StringComparison.Ordinal);
        string rest = end >= 0 ? current[(end + Marker.Length)..] : "\n";
        if (Environment.GetEnvironmentVariable("RICORD_WRITE_DOCS") == "1")
        {
            File.WriteAllText(path, generated + Marker + rest);
            current = File.ReadAllText(path);
            end = current.IndexOf(Marker, StringComparison.Ordinal);
        }

        Assert.True(end >= 0, $"{path} lacks the marker '{Marker}'; run the tests with RICORD_WRITE_DOCS=1");
        Assert.Equal(generated, current[..end]);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ricord.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Ricord.slnx not found above the test directory");
    }
}
