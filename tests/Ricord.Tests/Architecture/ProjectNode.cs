namespace Ricord.Tests.Architecture;

/// <summary>One project: its name, its area (src, tests, bench), the projects and packages it references.</summary>
internal sealed record ProjectNode(string Name, string Area, IReadOnlyList<string> References, IReadOnlyList<string> Packages);
