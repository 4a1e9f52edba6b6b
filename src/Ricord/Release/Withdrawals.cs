namespace Ricord.Release;

/// <summary>withdrawn.csv (id, reason): read from a file or an earlier release, merged, written into every release.</summary>
public static class Withdrawals
{
    public const string FileName = "withdrawn.csv";

    /// <summary>Reads a withdrawals table: a header with an <c>id</c> column (patient pseudonym, Study or Series Instance UID)
    /// and optionally <c>reason</c>.</summary>
    public static IReadOnlyList<Withdrawal> Read(string path)
    {
        var rows = CsvReader.ReadFile(path);
        if (rows.Count > 0 && !rows[0].ContainsKey("id"))
        {
            throw new ReleaseException($"{Path.GetFileName(path)} has no 'id' column (id,reason: a patient, study or series to withdraw)");
        }

        return [.. rows.Where(r => r["id"].Trim().Length > 0).Select(r => new Withdrawal(r["id"].Trim(), r.GetValueOrDefault("reason") ?? ""))];
    }

    /// <summary>The given withdrawals and those of the earlier release, one per id (the first reason kept), in id order.</summary>
    internal static IReadOnlyList<Withdrawal> Merge(IReadOnlyList<Withdrawal> given, string? previousRelease)
    {
        var earlier = previousRelease is not null && File.Exists(Path.Combine(previousRelease, FileName)) ? Read(Path.Combine(previousRelease, FileName)) : [];
        return [.. earlier.Concat(given).GroupBy(w => w.Id, StringComparer.Ordinal).Select(g => g.First()).OrderBy(w => w.Id, StringComparer.Ordinal)];
    }

    internal static CsvTable Table(IReadOnlyList<Withdrawal> withdrawn)
    {
        var table = new CsvTable("id", "reason");
        foreach (var w in withdrawn)
        {
            table.Add(w.Id, w.Reason);
        }

        return table;
    }
}
