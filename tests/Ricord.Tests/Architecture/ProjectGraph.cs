using System.Xml.Linq;

namespace Ricord.Tests.Architecture;

/// <summary>The repository's projects and what each references (projects and packages), read from the
/// <c>.csproj</c> files themselves.</summary>
internal sealed record ProjectGraph(IReadOnlyDictionary<string, ProjectNode> Projects)
{
    /// <summary>Every project under <c>src/</c>, <c>tests/</c> and <c>bench/</c> of the checkout this test runs in.</summary>
    public static ProjectGraph Load()
    {
        string root = RepositoryRoot();
        var projects = new Dictionary<string, ProjectNode>(StringComparer.Ordinal);
        foreach (var area in new[] { "src", "tests", "bench" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, area), "*.csproj", SearchOption.AllDirectories)
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            {
                var node = Parse(area, file);
                projects[node.Name] = node;
            }
        }

        return new ProjectGraph(projects);
    }

    public static ProjectNode Parse(string area, string file)
    {
        var xml = XDocument.Load(file);
        var references = xml.Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(((string?)e.Attribute("Include") ?? "").Replace('\\', Path.DirectorySeparatorChar)))
            .ToList();
        var packages = xml.Descendants("PackageReference").Select(e => (string?)e.Attribute("Include") ?? "").ToList();
        return new ProjectNode(Path.GetFileNameWithoutExtension(file), area, references, packages);
    }

    public static string RepositoryRoot()
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
