namespace Ricord.Tests.Architecture;

/// <summary>
/// Which project may reference which (docs/design.md, "Project graph"). A src project not listed here is a violation
/// until it is added with its allowed references, so a new project's place in the graph is decided on purpose.
/// </summary>
internal static class ProjectRules
{
    /// <summary>Each src project and the src projects it may reference.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Ricord.Dicom"] = [],
        ["Ricord.Dicom.Generator"] = [],
        ["Ricord.Storage"] = [],
        ["Ricord.Deid"] = ["Ricord.Dicom"],
        ["Ricord.Catalog"] = ["Ricord.Dicom", "Ricord.Storage"],
        ["Ricord"] = ["Ricord.Dicom", "Ricord.Deid", "Ricord.Storage", "Ricord.Catalog"],
        ["Ricord.Synth"] = ["Ricord", "Ricord.Dicom", "Ricord.Deid", "Ricord.Storage", "Ricord.Catalog"],
        ["Ricord.Cli"] = ["Ricord", "Ricord.Synth", "Ricord.Dicom", "Ricord.Deid", "Ricord.Storage", "Ricord.Catalog"],
    };

    /// <summary>Packages of host frameworks: only hosts (and tests, benchmarks) take them.</summary>
    private static readonly string[] s_hostPackages = ["System.CommandLine", "Spectre.Console", "Microsoft.AspNetCore"];

    private static readonly HashSet<string> s_hosts = new(StringComparer.Ordinal) { "Ricord.Cli" };

    /// <summary>Test-data generators: hosts, tests and benchmarks may use them, the product's libraries never.</summary>
    private static readonly HashSet<string> s_testData = new(StringComparer.Ordinal) { "Ricord.Synth" };

    /// <summary>Every rule <paramref name="graph"/> breaks, one line each; empty when it keeps them all.</summary>
    public static List<string> Violations(ProjectGraph graph)
    {
        var problems = new List<string>();
        foreach (var p in graph.Projects.Values.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (p.Area == "src")
            {
                CheckSource(graph, p, problems);
            }
            else
            {
                // Tests and benchmarks may share test-support projects (tests/Ricord.DeidScoring); a benchmark is a leaf.
                problems.AddRange(p.References.Where(r => graph.Projects.TryGetValue(r, out var target) && target.Area == "bench")
                    .Select(r => $"{p.Name} ({p.Area}) references {r}, a benchmark"));
            }
        }

        return problems;
    }

    private static void CheckSource(ProjectGraph graph, ProjectNode p, List<string> problems)
    {
        if (!Allowed.TryGetValue(p.Name, out var allowed))
        {
            problems.Add($"{p.Name} is a src project without a place in the graph (add it to ProjectRules.Allowed and docs/design.md)");
            return;
        }

        foreach (var r in p.References.Where(r => !allowed.Contains(r, StringComparer.Ordinal)))
        {
            string why = graph.Projects.TryGetValue(r, out var target) && target.Area != "src" ? $"a {target.Area} project"
                : s_hosts.Contains(r) ? "a host" : s_testData.Contains(r) ? "test data, not the product's runtime" : "not allowed";
            problems.Add($"{p.Name} references {r} ({why})");
        }

        if (p.Name == "Ricord.Dicom" && p.Packages.Count > 0)
        {
            problems.Add($"Ricord.Dicom references packages ({string.Join(", ", p.Packages)}); it has no dependencies");
        }

        if (!s_hosts.Contains(p.Name))
        {
            problems.AddRange(p.Packages.Where(k => s_hostPackages.Any(h => k.StartsWith(h, StringComparison.Ordinal)))
                .Select(k => $"{p.Name} references the host package {k}; only hosts do"));
        }
    }
}
