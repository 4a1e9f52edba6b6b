using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ricord.Annotation.Consensus;

namespace Ricord.Release;

/// <summary>
/// Train / validation / test by patient (every study of a patient in one split), stratified by site and consensus
/// label: patients an earlier release assigned keep their split; the others are taken stratum by stratum (ordinal),
/// within a stratum in the order of SHA-256(seed:patient), and each goes to the split furthest below its target share
/// of all patients placed so far (ties: train, validation, test), which spreads every stratum over the splits in
/// proportion. The same patients, seed and earlier release give the same splits.
/// </summary>
internal static class SplitAssigner
{
    public static readonly string[] Names = ["train", "validation", "test"];

    /// <summary>Patient → (stratum, split).</summary>
    public static Dictionary<string, (string Stratum, string Split)> Assign(ReleaseSelection selection, List<ReleaseProject> projects, ReleaseSpec spec,
        IReadOnlyDictionary<string, string> previous)
    {
        double[] targets = [spec.Splits.Train, spec.Splits.Validation, spec.Splits.Test];
        var studies = selection.Studies.ToLookup(s => s.Patient);
        var decided = projects.Select(Decided).ToList();
        var strata = selection.Patients.ToDictionary(p => p.PatientId,
            p => $"{p.Site}|{studies[p].Select(s => decided.Select(d => d.GetValueOrDefault(s.StudyInstanceUid)).FirstOrDefault(l => l is not null)).FirstOrDefault(l => l is not null) ?? "none"}",
            StringComparer.Ordinal);
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var counts = new int[3];
        foreach (var kept in strata.Where(p => previous.ContainsKey(p.Key)))
        {
            counts[Array.IndexOf(Names, previous[kept.Key])]++;
            result[kept.Key] = (kept.Value, previous[kept.Key]);
        }

        // Strata one after another, patients within a stratum in seeded order; each patient goes to the split furthest
        // below its share of the patients placed so far, so every split gets its share overall and of each stratum.
        foreach (var patient in strata.Where(p => !previous.ContainsKey(p.Key))
            .OrderBy(p => p.Value, StringComparer.Ordinal).ThenBy(p => Order(spec.Seed, p.Key), StringComparer.Ordinal))
        {
            int placed = counts.Sum() + 1, best = 0;
            for (int s = 1; s < 3; s++)
            {
                if ((targets[s] * placed) - counts[s] > (targets[best] * placed) - counts[best] + 1e-9)
                {
                    best = s;
                }
            }

            counts[best]++;
            result[patient.Key] = (patient.Value, Names[best]);
        }

        return result;
    }

    /// <summary>patient_id → split from an earlier release's splits.csv.</summary>
    public static Dictionary<string, string> ReadPrevious(string releaseDirectory)
    {
        string path = Path.Combine(releaseDirectory, "splits.csv");
        if (!File.Exists(path))
        {
            throw new ReleaseException("the earlier release has no splits.csv");
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(path).Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split(',');
            if (cells.Length < 4 || !Names.Contains(cells[3]))
            {
                throw new ReleaseException("the earlier release's splits.csv is not a Ricord splits table");
            }

            result[cells[0]] = cells[3];
        }

        return result;
    }

    private static string Order(int seed, string patient) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{seed}:{patient}"))));

    /// <summary>Study → consensus label of the first single-choice STUDY group of the project's schema, where there is one
    /// (agreed, majority or adjudicated). A patient's stratum label is that of their first study (UID order) in the first
    /// project (name order) that has one; "none" without.</summary>
    private static Dictionary<string, string> Decided(ReleaseProject project)
    {
        var group = project.Schema.Groups.FirstOrDefault(g => g.Scope == Annotation.Schemas.LabelScope.Study && g.Mode == Annotation.Schemas.LabelMode.SingleChoice);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var study in project.Consensus.Studies)
        {
            if (group is not null && study.Consensus?.For(group.Name) is { Status: ConsensusStatus.Agreed or ConsensusStatus.Majority or ConsensusStatus.Adjudicated, Label: { } label })
            {
                result[study.StudyInstanceUid] = label;
            }
        }

        return result;
    }
}
