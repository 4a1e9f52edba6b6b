namespace Ricord.Synth;

/// <summary>The label groups of a synthetic export: the same RICORD labels repeated per group, each with its own id.</summary>
internal sealed class MdaiSchema
{
    public static readonly string[] CtSegmentationLabels =
        ["Infectious opacity", "Infectious TIB/micronodules", "Atelectasis", "Other noninfectious opacity", "Noninfectious nodule/mass", "Infectious cavity"];

    public static readonly string[] CxrGroups = ["Reader Group 1", "Reader Group 2", "Reader Group 3", "Adjudication", "Default group"];

    public static readonly string[] CtGroups = ["Team 1", "Team 2"];

    private static readonly string[] Colors = ["#FF5733", "#33C1FF", "#8D33FF", "#33FF8A", "#FFC133", "#FF33A8", "#3357FF", "#A8FF33", "#33FFF6", "#B0B0B0"];

    private readonly Dictionary<(string Group, string Name), string> _ids = [];

    private MdaiSchema(IReadOnlyList<(string Group, IReadOnlyList<MdaiLabel> Labels)> groups)
    {
        Groups = groups;
        foreach (var (g, labels) in groups)
        {
            foreach (var l in labels)
            {
                _ids[(g, l.Name)] = l.Id;
            }
        }
    }

    public IReadOnlyList<(string Group, IReadOnlyList<MdaiLabel> Labels)> Groups { get; }

    public string LabelId(string group, string name) => _ids[(group, name)];

    public static MdaiSchema Ct(ulong seed) => Make(seed, "ct", CtGroups, g =>
        [.. CtSegmentationLabels.Select(n => (n, "INSTANCE", (string?)"freeform")), .. CtReaderSimulation.Classes.Select(n => (n, "STUDY", (string?)null))]);

    public static MdaiSchema Cxr(ulong seed) => Make(seed, "cxr", CxrGroups, g =>
        [.. SynthPlanner.CxrClasses.Select(n => (n, "STUDY", (string?)null)), .. CxrReaderSimulation.Grades.Select(n => (n, "STUDY", (string?)null)), ("Invalid Study", "STUDY", null)]);

    private static MdaiSchema Make(ulong seed, string project, string[] groups, Func<string, (string Name, string Scope, string? Mode)[]> labels)
    {
        var result = new List<(string, IReadOnlyList<MdaiLabel>)>();
        foreach (var g in groups)
        {
            var list = labels(g).Select((l, i) => new MdaiLabel(MdaiIds.Make('L', seed, $"{project}/label/{g}/{l.Name}"), l.Name, l.Scope, l.Mode, Colors[i % Colors.Length])).ToList();
            result.Add((g, list));
        }

        return new MdaiSchema(result);
    }
}
