using Ricord.Annotation.Consensus;
using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;
using Ricord.Synth;
using Ricord.Tests.Synth;

namespace Ricord.Tests.Annotation.Consensus;

/// <summary>Consensus over the simulated radiograph readers of `ricord synth`, compared with its ground truth.</summary>
[Collection(SynthCollection.Name)]
public sealed class SynthConsensusTests(SynthFixture fixture)
{
    private static readonly ConsensusEngine Engine = new();

    private static ReadContent ToRead(CxrRead r) => new(
        [new ReadLabel("Appearance", SynthPlanner.CxrClasses[r.Class]), .. r.Grade is { } g ? [new ReadLabel("Airspace Disease Grading", g)] : Array.Empty<ReadLabel>()], []);

    private static (string Appearance, string? Grade) Truth(System.Text.Json.JsonElement study) =>
        (study.GetProperty("appearance").GetString()!, study.GetProperty("grade").GetString());

    private static (string? Appearance, string? Grade) Consensus(StudyConsensus c) => (c.For("Appearance")!.Label, c.For("Airspace Disease Grading")!.Label);

    [Fact]
    public async Task With_perfect_readers_the_consensus_of_the_mdai_export_is_the_truth()
    {
        string dir = Path.Combine(fixture.Root, "consensus-perfect-readers");
        await new SynthGenerator(new SynthOptions { Seed = 11, Sites = 2, CtPatients = 0, CxrPatients = 12, CxrSize = 64, ReaderAccuracy = 1 }).RunAsync(dir);
        var schema = BuiltinSchemas.Cxr;
        var reads = MdaiTestReads.Load(Path.Combine(dir, "annotations", "cxr-mdai.json"), schema);
        var truth = SynthTestSupport.Truth(dir).GetProperty("cxrStudies").EnumerateArray().ToList();
        Assert.Equal(truth.Count, reads.Count);
        foreach (var study in truth)
        {
            var byGroup = reads[study.GetProperty("studyInstanceUid").GetString()!];
            var readers = byGroup.Where(kv => kv.Key.StartsWith("Reader", StringComparison.Ordinal)).Select(kv => kv.Value).ToList();
            Assert.Equal(3, readers.Count);
            Assert.False(byGroup.ContainsKey("Adjudication"));
            var c = Engine.Compute(schema, readers, byGroup.GetValueOrDefault("Adjudication"));
            Assert.Equal(Truth(study), Consensus(c));
            Assert.Equal(ConsensusStatus.Agreed, c.For("Appearance")!.Status);
            Assert.Equal(Truth(study).Grade is null ? ConsensusStatus.NotApplicable : ConsensusStatus.Agreed, c.For("Airspace Disease Grading")!.Status);
        }
    }

    [Fact]
    public void Adjudicated_studies_of_the_noisy_export_reach_the_truth_and_adjudication_is_where_readers_disagree()
    {
        var schema = BuiltinSchemas.Cxr;
        var reads = MdaiTestReads.Load(Path.Combine(fixture.Out, "annotations", "cxr-mdai.json"), schema);
        int adjudicated = 0;
        foreach (var study in SynthTestSupport.Truth(fixture.Out).GetProperty("cxrStudies").EnumerateArray())
        {
            var byGroup = reads[study.GetProperty("studyInstanceUid").GetString()!];
            var readers = byGroup.Where(kv => kv.Key.StartsWith("Reader", StringComparison.Ordinal)).Select(kv => kv.Value).ToList();
            var adjudication = byGroup.GetValueOrDefault("Adjudication");
            Assert.Equal(adjudication is not null, Engine.Agreement(schema, readers) != ReaderAgreement.Unanimous);
            if (adjudication is not null)
            {
                adjudicated++;
                var c = Engine.Compute(schema, readers, adjudication);
                Assert.Equal(Truth(study), Consensus(c));
                Assert.Equal(ConsensusStatus.Adjudicated, c.For("Appearance")!.Status);
            }
        }

        Assert.True(adjudicated > 0);
    }

    [Fact]
    public void The_any_disagreement_queue_rate_matches_the_reader_model()
    {
        const double P = 0.8;
        const int Studies = 4000;
        var expected = ExpectedAgreement.For(P, SynthPlanner.CxrClassPrior);
        var rng = new Random(20261127);
        var schema = BuiltinSchemas.Cxr;
        int anyDisagreement = 0, noMajority = 0, wrong = 0, unanimousWrong = 0;
        for (int i = 0; i < Studies; i++)
        {
            double u = rng.NextDouble();
            int cls = 0;
            for (double acc = SynthPlanner.CxrClassPrior[0]; cls < 3 && u >= acc; acc += SynthPlanner.CxrClassPrior[++cls])
            {
            }

            string? grade = cls == 3 ? null : CxrReaderSimulation.Grades[rng.Next(3)];
            var (simulated, adjudication) = CxrReaderSimulation.Read(7, $"1.2.826.0.1.{i}", cls, grade, P);
            var readers = simulated.Select(ToRead).ToList();
            var agreement = Engine.Agreement(schema, readers);
            anyDisagreement += agreement != ReaderAgreement.Unanimous ? 1 : 0;
            noMajority += agreement == ReaderAgreement.NoMajority ? 1 : 0;

            // The simulation's adjudicator reads exactly where the "any disagreement" rule sends studies.
            Assert.Equal(adjudication is not null, agreement != ReaderAgreement.Unanimous);
            var c = Engine.Compute(schema, readers, adjudication is { } a ? ToRead(a) : null);
            bool correct = c.For("Appearance")!.Label == SynthPlanner.CxrClasses[cls];
            wrong += correct ? 0 : 1;
            unanimousWrong += adjudication is null && simulated[0].Class != cls ? 1 : 0;
        }

        double rate = anyDisagreement / (double)Studies;
        Assert.InRange(rate, expected.AdjudicationRate - 0.03, expected.AdjudicationRate + 0.03);
        Assert.InRange(noMajority, 1, anyDisagreement - 1);

        // Only unanimous wrong readers escape adjudication: (1 − p)³/9 of studies, expected ≈ 3.6 here.
        Assert.Equal(unanimousWrong, wrong);
        Assert.InRange(wrong, 0, 15);
    }
}
