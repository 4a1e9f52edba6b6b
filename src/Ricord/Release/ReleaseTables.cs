namespace Ricord.Release;

/// <summary>What a release's tables say, as sets and maps for comparing releases.</summary>
internal sealed record ReleaseTables(
    IReadOnlySet<string> Patients,
    IReadOnlySet<string> Studies,
    IReadOnlySet<string> Series,
    IReadOnlyDictionary<(string Study, string Project, string Group), string?> Labels,
    IReadOnlyDictionary<string, string> Splits)
{
    public static ReleaseTables Read(string root)
    {
        var series = Table(root, "series.csv");
        var labels = new Dictionary<(string, string, string), string?>();
        foreach (var r in Table(root, "labels.csv"))
        {
            labels[(r["study_instance_uid"], r["project"], r["group"])] = r["consensus_label"] is { Length: > 0 } l ? l : null;
        }

        var splits = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in Table(root, "splits.csv"))
        {
            splits[r["patient_id"]] = r["split"];
        }

        return new ReleaseTables(
            series.Select(r => r["patient_id"]).ToHashSet(StringComparer.Ordinal),
            series.Select(r => r["study_instance_uid"]).ToHashSet(StringComparer.Ordinal),
            series.Select(r => r["series_instance_uid"]).ToHashSet(StringComparer.Ordinal),
            labels, splits);
    }

    private static List<Dictionary<string, string>> Table(string root, string name)
    {
        string path = Path.Combine(root, name);
        return File.Exists(path) ? CsvReader.ReadFile(path) : throw new ReleaseException($"the release has no {name}");
    }
}
