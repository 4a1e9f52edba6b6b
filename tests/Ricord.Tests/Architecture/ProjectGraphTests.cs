namespace Ricord.Tests.Architecture;

/// <summary>Dependencies run one way: hosts → (Synth →) domain → catalog, storage, de-identification → DICOM core (docs/design.md).</summary>
public sealed class ProjectGraphTests
{
    [Fact]
    public void Every_project_references_only_what_the_design_allows()
    {
        var graph = ProjectGraph.Load();
        Assert.True(graph.Projects.ContainsKey("Ricord.Dicom") && graph.Projects.ContainsKey("Ricord") && graph.Projects.ContainsKey("Ricord.Cli"),
            "the src projects were not found");
        Assert.Contains("Ricord.Dicom", graph.Projects["Ricord"].References);
        Assert.Contains("Ricord.Catalog", graph.Projects["Ricord"].References);
        Assert.DoesNotContain("Ricord.Synth", graph.Projects["Ricord"].References);
        var problems = ProjectRules.Violations(graph);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void A_domain_referencing_a_host_a_core_with_dependencies_a_src_project_using_tests_and_a_test_using_a_benchmark_are_reported()
    {
        var graph = new ProjectGraph(new Dictionary<string, ProjectNode>(StringComparer.Ordinal)
        {
            ["Ricord.Dicom"] = new("Ricord.Dicom", "src", ["Ricord"], ["SomePackage"]),
            ["Ricord"] = new("Ricord", "src", ["Ricord.Dicom", "Ricord.Cli", "Ricord.Tests"], ["Spectre.Console"]),
            ["Ricord.Catalog"] = new("Ricord.Catalog", "src", ["Ricord.Storage", "Ricord.Synth", "Ricord"], []),
            ["Ricord.Synth"] = new("Ricord.Synth", "src", ["Ricord"], []),
            ["Ricord.Cli"] = new("Ricord.Cli", "src", ["Ricord"], ["System.CommandLine"]),
            ["Ricord.Server"] = new("Ricord.Server", "src", ["Ricord"], []),
            ["Ricord.Tests"] = new("Ricord.Tests", "tests", ["Ricord", "Ricord.Cli.Tests", "Ricord.Bench"], []),
            ["Ricord.Bench"] = new("Ricord.Bench", "bench", ["Ricord"], []),
            ["Ricord.Cli.Tests"] = new("Ricord.Cli.Tests", "tests", ["Ricord.Cli"], []),
        });
        var problems = ProjectRules.Violations(graph);
        Assert.Equal(
        [
            "Ricord references Ricord.Cli (a host)",
            "Ricord references Ricord.Tests (a tests project)",
            "Ricord references the host package Spectre.Console; only hosts do",
            "Ricord.Catalog references Ricord.Synth (test data, not the product's runtime)",
            "Ricord.Catalog references Ricord (not allowed)",
            "Ricord.Dicom references Ricord (not allowed)",
            "Ricord.Dicom references packages (SomePackage); it has no dependencies",
            "Ricord.Server is a src project without a place in the graph (add it to ProjectRules.Allowed and docs/design.md)",
            "Ricord.Tests (tests) references Ricord.Bench, a benchmark",
        ], problems);
    }
}
