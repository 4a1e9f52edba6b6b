using System.Buffers.Binary;
using System.Text.Json;
using Ricord.Annotation;
using Ricord.Dicom;
using Ricord.Synth;

namespace Ricord.Tests.Synth;

[Collection(SynthCollection.Name)]
public sealed class SynthGroundTruthTests(SynthFixture fixture)
{
    [Fact]
    public void Mask_voxels_sit_on_finding_pixels_and_negative_studies_have_empty_masks()
    {
        var truth = SynthTestSupport.Truth(fixture.Out);
        int positive = 0, negative = 0;
        foreach (var study in truth.GetProperty("ctStudies").EnumerateArray())
        {
            var findings = study.GetProperty("findings").EnumerateArray().ToList();
            var lung = study.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("annotated").GetBoolean());
            var files = lung.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
            long total = 0;
            foreach (var mask in lung.GetProperty("masks").EnumerateObject())
            {
                var ranges = findings.Where(f => f.GetProperty("label").GetString() == mask.Name)
                    .Select(f => (Min: f.GetProperty("huRange")[0].GetDouble(), Max: f.GetProperty("huRange")[1].GetDouble())).ToList();
                var slices = MaskRleWriter.Read(Path.Combine(fixture.Out, mask.Value.GetProperty("file").GetString()!));
                long voxels = 0;
                foreach (var (slice, m) in slices)
                {
                    var pixels = DicomFile.Open(Path.Combine(fixture.Out, files[slice])).Dataset[DicomTags.PixelData]!.Bytes;
                    for (int i = 0; i < m.Length; i++)
                    {
                        if (m[i] == 0)
                        {
                            continue;
                        }

                        voxels++;
                        int hu = BinaryPrimitives.ReadUInt16LittleEndian(pixels[(i * 2)..]) - 1024;
                        Assert.True(ranges.Any(r => hu >= r.Min && hu <= r.Max), $"{mask.Name} voxel {i} of slice {slice} has {hu} HU, outside its findings' ranges");
                    }
                }

                Assert.Equal(mask.Value.GetProperty("voxels").GetInt64(), voxels);
                total += voxels;
            }

            if (findings.Count == 0)
            {
                Assert.Equal(0, total);
                negative++;
            }
            else
            {
                Assert.True(total > 0);
                positive++;
            }
        }

        Assert.True(positive > 0 && negative > 0);
    }

    [Fact]
    public void A_perfect_reader_reproduces_the_truth_masks_exactly_and_an_imperfect_one_does_not()
    {
        var options = SynthFixture.Options;
        var planner = new SynthPlanner(options);
        var study = planner.CtPatients().First(p => p.Studies[0].CtFindings.Count > 0).Studies[0];
        var lung = study.Series.Single(s => s.Kind == SynthSeriesKind.AxialLung).Geometry!;
        string path = Path.Combine(fixture.Root, "perfect.rle");
        const int n = CtGeometry.Size;
        foreach (var label in study.CtFindings.Select(f => f.Label).Distinct())
        {
            MaskRleWriter.Write(path, lung, study.CtFindings, label);
            var truth = MaskRleWriter.Read(path);
            Dictionary<int, byte[]> Draw(double p)
            {
                var drawn = new Dictionary<int, byte[]>();
                foreach (var poly in CtReaderSimulation.Polygons(options.Seed, study, lung, 0, p).Where(x => x.Label == label && x.Xs is not null))
                {
                    if (!drawn.TryGetValue(poly.Slice, out var m))
                    {
                        drawn[poly.Slice] = m = new byte[n * n];
                    }

                    PolygonRasterizer.Fill(poly.Xs!, poly.Ys!, n, n, m);
                }

                return drawn;
            }

            var perfect = Draw(1.0);
            Assert.Equal(truth.Keys.Order(), perfect.Keys.Order());
            foreach (var (slice, m) in truth)
            {
                Assert.True(m.AsSpan().SequenceEqual(perfect[slice]), $"slice {slice} of {label} differs");
            }

            var sloppy = Draw(0.5);
            double inter = 0, sum = 0;
            foreach (int k in truth.Keys.Union(sloppy.Keys))
            {
                var a = truth.GetValueOrDefault(k) ?? new byte[n * n];
                var b = sloppy.GetValueOrDefault(k) ?? new byte[n * n];
                for (int i = 0; i < a.Length; i++)
                {
                    inter += a[i] & b[i];
                    sum += a[i] + b[i];
                }
            }

            double dice = 2 * inter / sum;
            Assert.InRange(dice, 0.2, 0.999);
        }
    }

    [Theory]
    [InlineData(0.8)]
    [InlineData(0.6)]
    [InlineData(0.95)]
    public void Cxr_readers_hit_the_expected_agreement(double p)
    {
        var rng = new Random(11);
        var prior = SynthPlanner.CxrClassPrior;
        var reads = new List<int>[3] { [], [], [] };
        int adjudicated = 0;
        const int studies = 2000;
        for (int i = 0; i < studies; i++)
        {
            double u = rng.NextDouble();
            int truth = u < prior[0] ? 0 : u < prior[0] + prior[1] ? 1 : u < 1 - prior[3] ? 2 : 3;
            var (r, adjudication) = CxrReaderSimulation.Read(3, $"study-{i}", truth, truth == 3 ? null : CxrReaderSimulation.Grades[i % 3], p);
            for (int k = 0; k < 3; k++)
            {
                reads[k].Add(r[k].Class);
            }

            bool unanimous = r[0].Class == r[1].Class && r[1].Class == r[2].Class;
            Assert.Equal(unanimous, adjudication is null);
            if (adjudication is { } a)
            {
                adjudicated++;
                Assert.Equal(truth, a.Class);
            }
        }

        var expected = ExpectedAgreement.For(p, prior);
        (int, int)[] pairs = [(0, 1), (0, 2), (1, 2)];
        double agreement = pairs.Average(x => reads[x.Item1].Zip(reads[x.Item2]).Count(z => z.First == z.Second) / (double)studies);
        double kappa = pairs.Average(x => ExpectedAgreement.CohenKappa(reads[x.Item1], reads[x.Item2], 4));
        Assert.InRange(agreement, expected.PercentAgreement - 0.03, expected.PercentAgreement + 0.03);
        Assert.InRange(kappa, expected.Kappa - 0.03, expected.Kappa + 0.03);
        Assert.InRange(adjudicated / (double)studies, expected.AdjudicationRate - 0.03, expected.AdjudicationRate + 0.03);
    }

    [Fact]
    public void Truth_carries_the_expected_agreement_of_the_configured_accuracy()
    {
        var e = SynthTestSupport.Truth(fixture.Out).GetProperty("expectedCxrAgreement");
        var expected = ExpectedAgreement.For(SynthFixture.Options.ReaderAccuracy, SynthPlanner.CxrClassPrior);
        Assert.Equal(expected.Kappa, e.GetProperty("cohenKappa").GetDouble(), 12);
        Assert.Equal(expected.PercentAgreement, e.GetProperty("pairwisePercentAgreement").GetDouble(), 12);

        // p = 0.8, K = 4: P_o = 0.64 + 0.04/3.
        Assert.Equal(0.64 + (0.04 / 3), expected.PercentAgreement, 12);
    }

    [Fact]
    public void Every_ct_study_and_cxr_study_has_truth_with_ordered_sop_uids_and_geometry()
    {
        var truth = SynthTestSupport.Truth(fixture.Out);
        Assert.Equal(JsonValueKind.Array, truth.GetProperty("cxrStudies").ValueKind);
        Assert.True(truth.GetProperty("cxrStudies").GetArrayLength() >= 20);
        foreach (var study in truth.GetProperty("ctStudies").EnumerateArray())
        {
            var lung = study.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("annotated").GetBoolean());
            Assert.Equal(lung.GetProperty("geometry").GetProperty("imagePositionPatient").GetArrayLength(), lung.GetProperty("sopInstanceUids").GetArrayLength());
        }
    }
}
