using System.Text.RegularExpressions;

namespace Ricord.Tests.Architecture;

/// <summary>
/// Inside the domain project the top-level folders (one namespace each: <c>Ricord.Ingest</c>, <c>Ricord.Annotation</c>,
/// …) depend on each other one way (docs/design.md, "Folder map"): a cycle between two folders is how a project stops
/// being splittable, so it fails here rather than at the next split.
/// </summary>
public sealed partial class FolderGraphTests
{
    [Fact]
    public void The_domain_folders_depend_on_each_other_without_a_cycle()
    {
        string domain = Path.Combine(ProjectGraph.RepositoryRoot(), "src", "Ricord");
        var folders = Directory.GetDirectories(domain).Select(Path.GetFileName).OfType<string>()
            .Where(f => f is not ("bin" or "obj")).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("Annotation", folders);
        var edges = folders.ToDictionary(f => f, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(domain, folder), "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match m in NamespaceUse().Matches(File.ReadAllText(file)))
                {
                    string target = m.Groups[1].Value;
                    if (target != folder && folders.Contains(target))
                    {
                        edges[folder].Add(target);
                    }
                }
            }
        }

        var cycle = FindCycle(edges);
        Assert.True(cycle is null, $"folders of src/Ricord depend on each other in a cycle: {string.Join(" → ", cycle ?? [])}");
    }

    [Fact]
    public void A_cycle_is_found_and_an_acyclic_graph_passes()
    {
        var acyclic = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal)
        {
            ["Hosting"] = new(["Ingest", "Annotation"]),
            ["Annotation"] = new(["Ingest"]),
            ["Ingest"] = new(),
        };
        Assert.Null(FindCycle(acyclic));
        acyclic["Ingest"].Add("Hosting");
        Assert.Equal(["Annotation", "Ingest", "Hosting", "Annotation"], FindCycle(acyclic));
    }

    /// <summary>A path that returns to its start, or null when the graph has none (depth-first search).</summary>
    internal static List<string>? FindCycle(IReadOnlyDictionary<string, SortedSet<string>> edges)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 on the path, 2 done
        var path = new List<string>();
        foreach (var start in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start) is { } found)
            {
                return found;
            }
        }

        return null;

        List<string>? Visit(string node)
        {
            if (state.GetValueOrDefault(node) == 2)
            {
                return null;
            }

            if (state.GetValueOrDefault(node) == 1)
            {
                return [.. path.SkipWhile(n => n != node), node];
            }

            state[node] = 1;
            path.Add(node);
            foreach (var next in edges.GetValueOrDefault(node) ?? [])
            {
                if (Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
    }

    /// <summary>A namespace of the domain named in code (a using directive or a qualified name).</summary>
    [GeneratedRegex(@"\bRicord\.([A-Z]\w*)\b")]
    private static partial Regex NamespaceUse();
}
