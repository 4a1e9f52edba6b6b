using System.Text;

namespace Ricord.Dicom.Tests.Corpus;

/// <summary>
/// The golden corpus, <c>tests/Corpus/&lt;case&gt;/</c>: each case's <c>input.dcm</c> gives exactly its pinned
/// <c>expected.dump.txt</c> (what <c>ricord dump</c> prints) and <c>expected.json</c> (<c>ricord dump --json</c>).
/// The pins are reviewed files, not regenerated to make a test pass: a deliberate output change is written with
/// RICORD_UPDATE_CORPUS=1 and its diff reviewed (tests/Corpus/README.md). Live peers stay a second tier.
/// </summary>
public sealed class GoldenCorpusTests
{
    private const string UpdateVariable = "RICORD_UPDATE_CORPUS";

    public static TheoryData<string> Cases()
    {
        var cases = Directory.EnumerateDirectories(CorpusRoot()).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal);
        return [.. cases];
    }

    [Fact]
    public void The_corpus_has_cases_each_with_an_input()
    {
        var cases = Directory.EnumerateDirectories(CorpusRoot()).ToList();
        Assert.True(cases.Count >= 5, $"only {cases.Count} cases in {CorpusRoot()}");
        Assert.All(cases, c => Assert.True(File.Exists(Path.Combine(c, "input.dcm")), $"{c} has no input.dcm"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Dump_and_json_equal_the_pinned_files(string name)
    {
        string dir = Path.Combine(CorpusRoot(), name);
        var file = DicomFile.Open(Path.Combine(dir, "input.dcm"));
        var dump = new StringWriter { NewLine = "\n" };
        new DicomDumper().Dump(file, dump);
        string json = DicomJsonWriter.ToJson(file.Dataset, new DicomJsonWriterOptions { Indented = true }).ReplaceLineEndings("\n") + "\n";
        Check(Path.Combine(dir, "expected.dump.txt"), dump.ToString());
        Check(Path.Combine(dir, "expected.json"), json);
    }

    private static void Check(string expectedPath, string actual)
    {
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(expectedPath, actual, new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(expectedPath), $"{expectedPath} is missing (write it with {UpdateVariable}=1 and review it)");
        string expected = File.ReadAllText(expectedPath, Encoding.UTF8);
        if (expected != actual)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            int line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
            Assert.Fail($"{expectedPath} differs at line {line + 1}:\n  pinned: {(line < e.Length ? e[line] : "(end)")}\n  now:    {(line < a.Length ? a[line] : "(end)")}");
        }
    }

    private static string CorpusRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ricord.slnx")))
            {
                return Path.Combine(dir.FullName, "tests", "Corpus");
            }
        }

        throw new InvalidOperationException($"No Ricord.slnx above {AppContext.BaseDirectory}");
    }
}
