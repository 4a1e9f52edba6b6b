using System.Globalization;
using System.Text.Json;
using Ricord.Annotation.Mdai;
using Ricord.Annotation.Projects;
using Ricord.Catalog;
using Ricord.Cli.Tests.Commands;
using Ricord.Hosting;
using Ricord.Synth;
using Xunit.Abstractions;

namespace Ricord.Cli.Tests.Annotation;

/// <summary>
/// Issue 6 end to end: synth with imperfect radiograph readers → ingest → project (rule any-disagreement, the
/// simulation's) → `read import --uids original` → `consensus` and `agreement` as JSON. The statistics match the reader
/// model's expected values (truth.json <c>expectedCxrAgreement</c>) within a tolerance derived from the sample size,
/// and the consensus is exactly the truth wherever the rules say it must be.
/// </summary>
public sealed class ConsensusAgreementEndToEndTests(ITestOutputHelper log)
{
    private const string Curator = "cur";
    private const string Appearance = "Appearance";
    private const string Grade = "Airspace Disease Grading";
    private const string Negative = "Negative for Pneumonia";
    /// <summary>Low enough that some studies are unanimous but wrong ((1 − p)³/9 = 0.7 % of studies, about 6 here), so the
    /// rule "a unanimous consensus stands, right or wrong" is exercised, not only "adjudicated → the truth".</summary>
    private const double Accuracy = 0.6;

    /// <summary>Four standard errors: a two-sided normal tail of 6e-5 per statistic, so a failure is a bug, not bad luck.</summary>
    private const double StandardErrors = 4;

    [Fact]
    public async Task Consensus_and_agreement_of_imperfect_readers_match_the_simulations_truth()
    {
        using var release = SynthRelease.Synthesize("--seed", "11", "--sites", "1", "--ct-patients", "0", "--cxr-patients", "500",
            "--cxr-size", "64", "--reader-accuracy", Accuracy.ToString(CultureInfo.InvariantCulture));
        string data = release.NewFolder("data");
        var (code, output, error) = InProcessCli.Run("ingest", release.Dicom, "--collection", "SYN", "--site", "419639", "--data", data);
        Assert.True(code == ExitCodes.Success, output + error);
        string schema = Path.Combine(release.NewFolder("schema"), "ricord-cxr.json");
        File.WriteAllText(schema, InProcessCli.Run("schema", "show", "ricord-cxr", "--json").Out);
        Assert.Equal(0, InProcessCli.Run("schema", "import", schema, "--as", Curator, "--data", data).Code);
        Assert.Equal(0, InProcessCli.Run("project", "create", "cxr", "--collection", "SYN", "--schema", "ricord-cxr", "--modality", "CR,DX",
            "--rule", "any-disagreement", "--as", Curator, "--data", data).Code);
        (code, output, error) = InProcessCli.Run("read", "import", release.CxrExport, "--project", "cxr", "--uids", "original", "--as", Curator, "--data", data);
        Assert.True(code == 0, output + error);

        string results = release.NewFolder("results");
        using var consensus = Results(results, "consensus", "--project", "cxr", "--format", "json", "--as", Curator, "--data", data);
        using var agreement = Results(results, "agreement", "--project", "cxr", "--format", "json", "--bootstrap", "0", "--as", Curator, "--data", data);

        IReadOnlyList<MdaiRead> reads;
        Dictionary<string, JsonElement> truth;
        using (var dir = new RicordDataDirectory(data, new CatalogOptions { DataDirectory = data }))
        {
            reads = await new ReadExportService(ReadingDefaults.Options(dir.CatalogOptions))
                .GetReadsAsync(new ReadingActor(Curator, ReadingRole.Curator), "cxr", false, CancellationToken.None);
            var remap = ReadImportOptions.OriginalUids(dir.LinkTable);
            truth = release.CxrStudies.ToDictionary(s => remap(s.GetProperty("studyInstanceUid").GetString()!), StringComparer.Ordinal);
        }

        var votes = reads.Where(r => !r.IsAdjudication).GroupBy(r => r.StudyInstanceUid, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => Label(r, Appearance)).ToList(), StringComparer.Ordinal);
        int unanimous = AssertConsensusIsTheTruth(consensus.RootElement, truth, votes, reads);
        AssertStatisticsMatchTheModel(release.Truth.RootElement.GetProperty("expectedCxrAgreement"), agreement.RootElement, truth.Count, unanimous);
    }

    /// <summary>
    /// Per study: not unanimous → adjudicated, and the consensus is the truth's appearance (and grade); unanimous → agreed
    /// on the readers' label, right or wrong; so the studies whose consensus is not the truth are exactly the unanimous
    /// but wrong ones. The grade has a consensus only where the appearance is not negative. Returns the unanimous studies.
    /// </summary>
    private int AssertConsensusIsTheTruth(JsonElement consensus, Dictionary<string, JsonElement> truth, Dictionary<string, List<string?>> votes, IReadOnlyList<MdaiRead> reads)
    {
        var studies = consensus.GetProperty("studies").EnumerateArray().ToList();
        Assert.Equal(truth.Count, studies.Count);
        int unanimous = 0, unanimousWrong = 0, differ = 0, negative = 0;
        foreach (var s in studies)
        {
            string uid = s.GetProperty("study").GetString()!;
            var t = truth[uid];
            Assert.True(s.GetProperty("complete").GetBoolean());
            var groups = s.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString()!, StringComparer.Ordinal);
            var (appearance, grade) = (groups[Appearance], groups[Grade]);
            string label = appearance.GetProperty("label").GetString()!;
            var readerLabels = votes[uid];
            Assert.Equal(3, readerLabels.Count);
            if (readerLabels.Distinct().Count() == 1)
            {
                unanimous++;
                unanimousWrong += readerLabels[0] == t.GetProperty("appearance").GetString() ? 0 : 1;
                Assert.Equal(("agreed", readerLabels[0]), (Status(appearance), label));
                Assert.False(s.TryGetProperty("adjudicator", out _), "a unanimous study was adjudicated");
            }
            else
            {
                Assert.Equal(("adjudicated", t.GetProperty("appearance").GetString()), (Status(appearance), label));
                Assert.Equal("Adjudication", s.GetProperty("adjudicator").GetString());
                Assert.Equal(t.GetProperty("grade").GetString(), grade.GetProperty("label").GetString());
            }

            differ += label == t.GetProperty("appearance").GetString() ? 0 : 1;
            if (label == Negative)
            {
                negative++;
                Assert.Equal(("not-applicable", (string?)null), (Status(grade), grade.GetProperty("label").GetString()));
            }
            else
            {
                Assert.Contains(Status(grade), (string[])["agreed", "majority", "adjudicated", "no-consensus"]);
                if (Status(grade) is "agreed" or "majority")
                {
                    var grades = reads.Where(r => r.StudyInstanceUid == uid && !r.IsAdjudication).Select(r => Label(r, Grade)).ToList();
                    Assert.Equal(grades.GroupBy(g => g).Single(g => 2 * g.Count() > grades.Count).Key, grade.GetProperty("label").GetString());
                }
            }
        }

        log.WriteLine(FormattableString.Invariant($"{studies.Count} studies, {unanimous} unanimous ({unanimousWrong} of them wrong), {differ} consensus labels not the truth"));
        Assert.True(unanimousWrong > 0, "no unanimous but wrong study: the sample does not exercise the rule");
        Assert.Equal(unanimousWrong, differ);
        var summary = consensus.GetProperty("summary").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString()!, StringComparer.Ordinal);
        Assert.Equal((unanimous, studies.Count - unanimous), (summary[Appearance].GetProperty("agreed").GetInt32(), summary[Appearance].GetProperty("adjudicated").GetInt32()));
        Assert.Equal(negative, summary[Grade].GetProperty("notApplicable").GetInt32());
        return unanimous;
    }

    /// <summary>
    /// Tolerances, for N studies (independent: each study's reads come from their own seeded stream), at
    /// <see cref="StandardErrors"/> standard errors (the delta method's O(1/N) remainder is negligible at this N):
    /// - unanimity and adjudication rate (= 1 − unanimity under any-disagreement): a mean of N Bernoulli(u) → SE = √(u(1−u)/N).
    /// - pairwise percent agreement of the three readers: the mean over studies of A, the share of the 3 reader pairs
    ///   that agree, A ∈ {1 (prob u), 1/3 (prob w), 0}; E[A] = P_o gives w = 3(P_o − u), so Var A = u + w/9 − P_o² and
    ///   SE = √(Var A / N). For one reader pair A is Bernoulli(P_o): SE = √(P_o(1−P_o)/N).
    /// - κ = (P_o − P_e)/(1 − P_e) with P_e = Σ q̂_c² from the observed marginals: δκ ≈ (δP_o − (1−κ) δP_e)/(1 − P_e). δP_e ≈
    ///   2 Σ (q_c − m) δq_c for any m (Σ δq_c = 0); with m the midrange the per-study term is a variable in an interval of
    ///   width 2(q_max − q_min), so SD(δP_e) ≤ (q_max − q_min)/√N, q_c = π_c p + (1 − π_c)(1 − p)/3 from the simulation's
    ///   prior. Whatever their correlation, SE(κ) ≤ (SE(P_o) + (1−κ) SD(δP_e))/(1 − P_e).
    /// </summary>
    private void AssertStatisticsMatchTheModel(JsonElement expected, JsonElement agreement, int n, int unanimous)
    {
        double po = expected.GetProperty("pairwisePercentAgreement").GetDouble(), pe = expected.GetProperty("chanceAgreement").GetDouble();
        double kappa = expected.GetProperty("cohenKappa").GetDouble(), u = expected.GetProperty("unanimity").GetDouble();
        var q = SynthPlanner.CxrClassPrior.Select(pi => (pi * Accuracy) + ((1 - pi) * (1 - Accuracy) / 3)).ToList();
        Assert.Equal(pe, q.Sum(x => x * x), 12); // the prior used here is the one truth.json's values came from
        double sqrtN = Math.Sqrt(n), sdPe = (q.Max() - q.Min()) / sqrtN;
        double seUnanimity = Math.Sqrt(u * (1 - u)) / sqrtN;
        double seGroupPo = Math.Sqrt(u + ((po - u) / 3) - (po * po)) / sqrtN, sePairPo = Math.Sqrt(po * (1 - po)) / sqrtN;
        double KappaSe(double sePo) => (sePo + ((1 - kappa) * sdPe)) / (1 - pe);

        var group = agreement.GetProperty("labels").EnumerateArray().Single(g => g.GetProperty("group").GetString() == Appearance);
        Assert.Equal(n, group.GetProperty("studies").GetInt32());
        Assert.Equal((double)unanimous / n, Value(group, "unanimity"), 12);
        Within("unanimity", u, Value(group, "unanimity"), seUnanimity);
        Within("adjudication rate", expected.GetProperty("adjudicationRate").GetDouble(), 1 - ((double)unanimous / n), seUnanimity);
        Within("percent agreement", po, Value(group, "percentAgreement"), seGroupPo);
        Within("Fleiss' kappa", kappa, Value(group, "fleissKappa"), KappaSe(seGroupPo));
        var pairs = group.GetProperty("pairs").EnumerateArray().ToList();
        Assert.Equal(3, pairs.Count);
        foreach (var pair in pairs)
        {
            Assert.Equal(n, pair.GetProperty("studies").GetInt32());
            Within("pair percent agreement", po, Value(pair, "percentAgreement"), sePairPo);
            Within("Cohen's kappa", kappa, Value(pair, "cohenKappa"), KappaSe(sePairPo));
        }
    }

    private void Within(string what, double expected, double observed, double standardError)
    {
        string line = FormattableString.Invariant($"{what}: observed {observed:F4}, expected {expected:F4} ± {StandardErrors * standardError:F4} ({StandardErrors} SE)");
        log.WriteLine(line);
        Assert.True(Math.Abs(observed - expected) <= StandardErrors * standardError, line);
    }

    private static double Value(JsonElement e, string statistic) => e.GetProperty(statistic).GetProperty("value").GetDouble();

    private static string Status(JsonElement group) => group.GetProperty("status").GetString()!;

    private static string? Label(MdaiRead read, string group) => read.Content.Labels.SingleOrDefault(l => l.Group == group)?.Label;

    private static JsonDocument Results(string folder, params string[] args)
    {
        string file = Path.Combine(folder, args[0] + ".json");
        var (code, output, error) = InProcessCli.Run([.. args, "-o", file]);
        Assert.True(code == 0, output + error);
        return JsonDocument.Parse(File.ReadAllBytes(file));
    }
}
