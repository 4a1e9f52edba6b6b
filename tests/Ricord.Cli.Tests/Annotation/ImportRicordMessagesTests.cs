using Ricord.Cli.Tests.Commands;

namespace Ricord.Cli.Tests.Annotation;

/// <summary>
/// `import-ricord`'s help says no path of the release's files is printed: its refusals of bad input say what is wrong
/// (and name the annotation file by its name at most), never the folder it lies in.
/// </summary>
public sealed class ImportRicordMessagesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ricord-Doe-John-MRN123-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Refusals_of_bad_input_name_no_path()
    {
        string images = Directory.CreateDirectory(Path.Combine(_root, "manifest-1608266677008")).FullName;
        string annotations = Path.Combine(_root, "MIDRC-RICORD-1A-annotations.json");
        File.WriteAllText(annotations, "{ \"datasets\": [ { \"annotations\": [ { \"id\": ");
        string empty = Path.Combine(_root, "MIDRC-RICORD-1A-empty.json");
        File.WriteAllText(empty, "{ \"datasets\": [], \"labelGroups\": [] }");
        string withdrawn = Path.Combine(_root, "withdrawn.csv");
        File.WriteAllText(withdrawn, "StudyInstanceUID,Reason\nnot a uid,none\n");
        string data = Path.Combine(_root, "data");

        var cases = new (string[] Args, int Code)[]
        {
            (["--annotations", annotations, "--images", images], ExitCodes.InvalidInput),
            (["--annotations", annotations, "--images", Path.Combine(_root, "missing")], ExitCodes.FileNotFound),
            (["--annotations", Path.Combine(_root, "missing.json"), "--images", images], ExitCodes.FileNotFound),
            (["--annotations", annotations, "--images", images, "--clinical", Path.Combine(_root, "missing.xlsx")], ExitCodes.FileNotFound),
            (["--annotations", empty, "--images", images, "--schema", "ricord-ct", "--withdrawn", withdrawn], ExitCodes.InvalidInput),
        };
        foreach (var (args, code) in cases)
        {
            var run = InProcessCli.Run(["import-ricord", .. args, "--as", "cur", "--data", data]);
            Assert.True(run.Code == code, $"{string.Join(' ', args)}: exit {run.Code}\n{run.Out}{run.Err}");
            Assert.NotEmpty(run.Err);
            Assert.DoesNotContain(_root, run.Out + run.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("MRN123", run.Out + run.Err, StringComparison.Ordinal);
        }
    }
}
