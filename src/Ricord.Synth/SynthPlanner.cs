using System.Globalization;
using Ricord.Dicom;

namespace Ricord.Synth;

/// <summary>
/// Plans patients, studies, series and instances from the seed alone: every value comes from a generator
/// keyed by the object's identity, so the plan of patient k never depends on any other patient.
/// </summary>
internal sealed partial class SynthPlanner
{
    private readonly SynthOptions _options;
    private readonly byte[] _uidKey;

    public SynthPlanner(SynthOptions options)
    {
        _options = options;
        _uidKey = BitConverter.GetBytes(options.Seed);
        Sites = [.. SynthSites.All.Take(options.Sites)];
    }

    public IReadOnlyList<SynthSite> Sites { get; }

    public IEnumerable<PatientPlan> CtPatients()
    {
        int study = 0;
        for (int i = 0; i < _options.CtPatients; i++)
        {
            var p = PlanPatient(true, i, study);
            study += p.Studies.Count;
            yield return p;
        }
    }

    public IEnumerable<PatientPlan> CxrPatients()
    {
        int study = 0;
        for (int i = 0; i < _options.CxrPatients; i++)
        {
            var p = PlanPatient(false, i, study);
            study += p.Studies.Count;
            yield return p;
        }
    }

    private PatientPlan PlanPatient(bool ct, int index, int firstStudyNumber)
    {
        string key = (ct ? "ct/" : "cxr/") + index.ToString(CultureInfo.InvariantCulture);
        var rng = SeededRandom.For(_options.Seed, key);
        var site = Sites[index % Sites.Count];
        int local = index / Sites.Count;
        string family = rng.Pick(site.FamilyNames), given = rng.Pick(site.GivenNames);
        string sex = rng.Chance(0.5) ? "F" : "M";
        var first = new DateTime(2020, 3, 1, 7, 0, 0).AddDays(rng.Next(0, 330)).AddMinutes(rng.Next(0, 720));
        var birth = DateOnly.FromDateTime(first).AddDays(-rng.Next(20 * 365, 90 * 365));
        string mrn = site.Style switch
        {
            SynthVendorStyle.GeLike => (1000000 + (local * 53) + rng.Next(0, 53) + (ct ? 0 : 5000000)).ToString(CultureInfo.InvariantCulture),
            SynthVendorStyle.SiemensLike => "P" + (10000000 + (local * 31) + rng.Next(0, 31) + (ct ? 0 : 40000000)).ToString(CultureInfo.InvariantCulture),
            SynthVendorStyle.PhilipsLike => "MRN" + (100000 + (local * 7) + rng.Next(0, 7) + (ct ? 0 : 500000)).ToString(CultureInfo.InvariantCulture),
            _ => (200000000 + (local * 11) + rng.Next(0, 11) + (ct ? 0 : 100000000)).ToString(CultureInfo.InvariantCulture),
        };
        string name = $"{family}^{given}";
        string folder = $"{FolderName(family)}_{FolderName(given)}_{mrn}";
        string address = $"{rng.Next(1, 200)} {rng.Pick(site.Streets)}, {site.City}";
        string phone = $"+{rng.Next(1, 99)} {rng.Next(100, 999)} {rng.Next(100, 999)} {rng.Next(1000, 9999)}";
        string otherId = $"INS{rng.Next(100000, 999999)}-{index}";
        string mother = $"{rng.Pick(site.FamilyNames)}^{rng.Pick(site.GivenNames)}";
        bool negative = ct && index % 4 == 1;
        int nStudies = ct ? (rng.Chance(0.1) ? 2 : 1) : rng.NextDouble() switch { < 0.6 => 1, < 0.8 => 2, < 0.92 => 3, _ => rng.Next(4, 7) };
        var studies = new List<StudyPlan>(nStudies);
        var start = first;
        for (int s = 0; s < nStudies; s++)
        {
            var ctx = new StudyContext(key, site, mrn, family, given, folder, start, firstStudyNumber + s, s, negative);
            studies.Add(ct ? PlanCtStudy(ctx) : PlanCxrStudy(ctx));
            start = start.AddDays(rng.Next(1, 20)).AddMinutes(rng.Next(-120, 120));
        }

        int age = (int)((DateOnly.FromDateTime(first).DayNumber - birth.DayNumber) / 365.25);
        bool admitted = rng.Chance(0.7), icu = admitted && rng.Chance(0.3), intubated = icu && rng.Chance(0.5);
        string outcome = intubated && rng.Chance(0.4) ? "Deceased" : admitted ? "Discharged" : "Outpatient";
        var clinical = new ClinicalRecord(age, negative ? "NOT DETECTED" : "DETECTED", DateOnly.FromDateTime(first).AddDays(-rng.Next(0, 5)), admitted, icu, intubated, outcome);
        return new PatientPlan(site, ct, index, mrn, name, sex, birth, address, phone, otherId, mother, folder, clinical, studies);
    }

    private string Uid(SynthSite site, string key) => DicomUidGenerator.Derive(site.UidRoot, key, _uidKey);

    private static string FolderName(string s) =>
        new([.. AsciiFold.Fold(s, 'X').ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)]);

    private static string Accession(SynthSite site, int n, DateTime date) => string.Format(CultureInfo.InvariantCulture, site.AccessionFormat, n, date);

    /// <summary>What a study plan needs from its patient.</summary>
    private sealed record StudyContext(string PatientKey, SynthSite Site, string Mrn, string Family, string Given, string Folder, DateTime Start, int Number, int Ordinal, bool Negative)
    {
        public string Key => $"{PatientKey}/{Ordinal}";
    }
}
