namespace Ricord.Cli.Tests.Architecture;

/// <summary>
/// A CLI command handler parses its arguments, calls one application service of the domain and renders the result
/// (docs/design.md): under <see cref="MaxLines"/> lines, at most one service, no database or vault work of its own.
/// The handlers written before the rule and not yet moved into services are listed in <see cref="NotYetThin"/>; the
/// list may only shrink (a listed handler that now keeps the rule fails the test until it is taken off).
/// </summary>
public sealed class HandlerShapeTests
{
    private const int MaxLines = 80;

    /// <summary>File of each handler still doing work of its own, to move into a service (the first line of its
    /// <c>SetAction</c> changes with edits, so files are listed, with how many of their handlers break the rule).</summary>
    private static readonly Dictionary<string, int> NotYetThin = new(StringComparer.Ordinal)
    {
        ["DemoCommand.cs"] = 1,
        ["ImportRicordCommand.cs"] = 1,
        ["IngestCommand.cs"] = 1,
        ["ReadCommand.cs"] = 1,
        ["ResultsCommand.Agreement.cs"] = 1,
        ["ResultsCommand.Consensus.cs"] = 1,
    };

    [Fact]
    public void Every_handler_is_short_and_calls_at_most_one_service_doing_no_work_of_its_own()
    {
        var handlers = HandlerShape.ReadAll(Path.Combine(RepositoryRoot(), "src", "Ricord.Cli", "Commands"));
        Assert.True(handlers.Count >= 30, $"only {handlers.Count} handlers found; the reader no longer sees them");
        Assert.Contains(handlers, h => h.File == "QuarantineCommand.Review.cs" && h.Services.SequenceEqual(["QuarantineService"]));

        var broken = handlers.Where(h => Problem(h) is not null).ToList();
        var byFile = broken.GroupBy(h => h.File, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var unexpected = broken.Where(h => !NotYetThin.ContainsKey(h.File) || byFile[h.File] > NotYetThin[h.File]).Select(h => $"{h.Name}: {Problem(h)}");
        var stale = NotYetThin.Where(n => byFile.GetValueOrDefault(n.Key) < n.Value).Select(n => $"{n.Key}: {byFile.GetValueOrDefault(n.Key)} handler(s) still break the rule, not {n.Value}; lower it in NotYetThin");
        var problems = unexpected.Concat(stale).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void A_long_handler_two_services_and_database_work_are_reported_and_a_forwarding_lambda_is_followed()
    {
        string thin = """
            cmd.SetAction(async (parse, ct) =>
            {
                using var dir = await CliData.OpenAsync(parse.GetValue(data)!, ct);
                var r = await dir.Get<QuarantineService>().ListAsync(Actor.Local, ct);
                return 0;
            });
            """;
        string forwarding = "cmd.SetAction((parse, ct) => RunAsync(parse, ct));\n"
            + "private static async Task<int> RunAsync(ParseResult parse, CancellationToken ct)\n{\n"
            + "    await using var db = dir.Catalog.CreateContext();\n    var a = dir.Get<A>();\n    var b = dir.Get<B>();\n"
            + string.Concat(Enumerable.Repeat("    Console.WriteLine(\"}\");\n", MaxLines)) + "}\n";
        var shapes = HandlerShape.Read("x.cs", thin + "\n" + forwarding, thin + "\n" + forwarding).ToList();
        Assert.Equal(2, shapes.Count);
        Assert.Null(Problem(shapes[0]));
        Assert.Equal(["A", "B"], shapes[1].Services);
        Assert.Equal(["CreateContext()"], shapes[1].DirectWork);
        Assert.True(shapes[1].Lines > MaxLines);
        Assert.NotNull(Problem(shapes[1]));
    }

    private static string? Problem(HandlerShape h)
    {
        var why = new List<string>();
        if (h.Lines > MaxLines)
        {
            why.Add($"{h.Lines} lines (at most {MaxLines})");
        }

        if (h.Services.Count > 1)
        {
            why.Add($"calls {h.Services.Count} services ({string.Join(", ", h.Services)}); one service does the workflow");
        }

        if (h.DirectWork.Count > 0)
        {
            why.Add($"does work of its own ({string.Join(", ", h.DirectWork)}); move it into a service");
        }

        return why.Count == 0 ? null : string.Join("; ", why);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ricord.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Ricord.slnx above {AppContext.BaseDirectory}");
    }
}
