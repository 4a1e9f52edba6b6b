using System.Text.Json;
using Ricord.Annotation.Import;
using Ricord.Annotation.Mdai;
using Ricord.Synth;
using Ricord.Testing;
using Ricord.Tests.Annotation.Mdai;

namespace Ricord.Tests.Annotation.Import;

[Collection(ReleaseCollection.Name)]
public sealed class ReleaseImportTests(ReleaseFixture fx)
{
    [Fact]
    public void ScrambledNamesAndInstanceNumbersStillReproduceTheTruthMasksVoxelForVoxel()
    {
        string dir = fx.NewFolder("scrambled");
        ReleaseLayouts.Scrambled(fx.DicomFiles, dir);
        var images = ImageIndexer.Index(dir, 2);
        Assert.Equal(ReleaseLayout.Unknown, images.Layout);
        AssertCtImportMatchesTruth(images);

        // The scramble is real: neither path order nor Instance Number gives the geometric order.
        string lung = fx.CtStudies.First().GetProperty("series").EnumerateArray().Single(s => s.GetProperty("annotated").GetBoolean()).GetProperty("seriesInstanceUid").GetString()!;
        var geometric = images.Order(lung)!.SopInstanceUids;
        var files = images.InstancesOf(lung).Select(i => (i.SopInstanceUid, Number: Dicom.DicomFile.Open(i.Path, new Dicom.DicomReadOptions { StopBeforePixelData = true }).Dataset.GetInt(Dicom.DicomTags.InstanceNumber))).ToList();
        Assert.NotEqual(geometric, files.OrderBy(f => f.Number).Select(f => f.SopInstanceUid));
        Assert.NotEqual(geometric, files.OrderByDescending(f => f.Number).Select(f => f.SopInstanceUid));
        Assert.NotEqual(geometric, images.InstancesOf(lung).OrderBy(i => i.Path, StringComparer.Ordinal).Select(i => i.SopInstanceUid));
    }

    [Fact]
    public void TciaLayoutImportsAndIsRecognised()
    {
        string dir = fx.NewFolder("tcia");
        ReleaseLayouts.Tcia(fx.DicomFiles, dir);
        var images = ImageIndexer.Index(dir, 2);
        Assert.Equal(ReleaseLayout.TciaNbia, images.Layout);
        Assert.Single(images.MetadataFiles);
        Assert.Empty(images.Unreadable);
        AssertCtImportMatchesTruth(images);
    }

    [Fact]
    public void MdaiLayoutIsRecognisedAndTheSiteLayoutIsNot()
    {
        string dir = fx.NewFolder("mdai");
        ReleaseLayouts.Mdai(fx.DicomFiles, dir);
        Assert.Equal(ReleaseLayout.MdaiUid, ImageIndexer.Index(dir, 2).Layout);
        var sites = ImageIndexer.Index(fx.Sites, 2);
        Assert.Equal(ReleaseLayout.Unknown, sites.Layout);
        Assert.Equal(fx.DicomFiles.Count, sites.Instances.Count);
    }

    [Fact]
    public void RadiographReadsPerGroupEqualTheSimulatedReads()
    {
        var plan = ReleaseImporter.Plan(fx.CxrExport, fx.Sites, TestSchemas.Cxr);
        Assert.True(plan.Complete);
        Assert.Empty(plan.Conversion.UnknownLabels);
        Assert.DoesNotContain(plan.Reads, r => r.Reader == "Default group");
        Assert.DoesNotContain(plan.Reads, r => r.IsAdjudication); // p = 1: every study unanimous
        foreach (var s in fx.CxrStudies)
        {
            string uid = s.GetProperty("studyInstanceUid").GetString()!;
            var reads = plan.Reads.Where(r => r.StudyInstanceUid == uid).ToList();
            Assert.Equal(["Reader Group 1", "Reader Group 2", "Reader Group 3"], reads.Select(r => r.Reader));
            string? grade = s.GetProperty("grade").ValueKind == JsonValueKind.Null ? null : s.GetProperty("grade").GetString();
            foreach (var r in reads)
            {
                Assert.Equal(s.GetProperty("appearance").GetString(), r.Content.Labels.Single(l => l.Group == "Appearance").Label);
                Assert.Equal(grade, r.Content.Labels.SingleOrDefault(l => l.Group == "Airspace Disease Grading")?.Label);
            }
        }

        Assert.Equal(fx.CxrStudies.Count(), plan.Reads.Select(r => r.StudyInstanceUid).Distinct().Count());
    }

    [Fact]
    public void UnknownAndMisplacedReferencesAreReportedWithExamples()
    {
        var export = MdaiJsonReader.ReadFile(fx.CtExport);
        var images = ImageIndexer.Index(fx.Sites, 2);
        var a = export.Annotations.First(x => x.SopInstanceUid is not null && x.Data is not null);
        var other = images.Instances.Values.First(i => i.SeriesInstanceUid != a.SeriesInstanceUid);
        var extra = new[]
        {
            a with { Id = "A_sop", SopInstanceUid = "1.2.3.999" },
            a with { Id = "A_series", SeriesInstanceUid = "1.2.3.998", SopInstanceUid = "1.2.3.997" },
            a with { Id = "A_study", StudyInstanceUid = "1.2.3.996", SeriesInstanceUid = null, SopInstanceUid = null, Data = null },
            a with { Id = "A_moved", SopInstanceUid = other.SopInstanceUid },
        };
        var d = export.Datasets[0];
        export = export with { Datasets = [d with { Annotations = [.. d.Annotations, .. extra] }] };
        var plan = ReleaseImporter.Plan(export, images, TestSchemas.Ct);
        Assert.False(plan.Complete);
        Assert.Equal((2, 2), (plan.UnknownInstances.Distinct, plan.UnknownInstances.Annotations));
        Assert.Equal(["1.2.3.999", "1.2.3.997"], plan.UnknownInstances.Examples);
        Assert.Equal(["1.2.3.998"], plan.UnknownSeries.Examples);
        Assert.Equal(["1.2.3.996"], plan.UnknownStudies.Examples);
        Assert.Equal("A_moved", plan.Misplaced.Single().AnnotationId);
    }

    [Fact]
    public void SyntheticExportsRoundTripThroughReads()
    {
        foreach (var (path, schema) in new[] { (fx.CtExport, TestSchemas.Ct), (fx.CxrExport, TestSchemas.Cxr) })
        {
            var first = MdaiReadConverter.Convert(MdaiJsonReader.ReadFile(path), schema);
            string json = MdaiJsonReaderTests.Write(MdaiExportBuilder.Build(first.Reads, schema));
            var again = MdaiReadConverter.Convert(MdaiJsonReaderTests.Read(json), schema);
            Assert.Equal(MdaiExportBuilderTests.Canonical(first.Reads), MdaiExportBuilderTests.Canonical(again.Reads));
            Assert.Empty(again.Warnings);
        }
    }

    private void AssertCtImportMatchesTruth(ImageIndex images)
    {
        var plan = ReleaseImporter.Plan(MdaiJsonReader.ReadFile(fx.CtExport), images, TestSchemas.Ct);
        Assert.True(plan.Complete, $"unknown: {plan.UnknownInstances.Distinct} SOP, misplaced {plan.Misplaced.Count}");
        Assert.Empty(plan.Conversion.UnknownLabels);
        Assert.NotEmpty(plan.Conversion.SkippedAnnotations); // RICORD-style null data, skipped by name
        Assert.All(plan.Conversion.SkippedAnnotations, id => Assert.Contains(plan.Conversion.Warnings, w => w.Contains(id, StringComparison.Ordinal)));
        int compared = 0;
        foreach (var study in fx.CtStudies)
        {
            string uid = study.GetProperty("studyInstanceUid").GetString()!;
            var reads = plan.Reads.Where(r => r.StudyInstanceUid == uid).ToList();
            Assert.Equal(study.GetProperty("readers").GetInt32(), reads.Count);
            Assert.All(reads, r => Assert.Equal(study.GetProperty("appearance").GetString(), r.Content.Labels.Single(l => l.Group == "Appearance").Label));
            var lung = study.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("annotated").GetBoolean());
            string seriesUid = lung.GetProperty("seriesInstanceUid").GetString()!;
            var truthSops = lung.GetProperty("sopInstanceUids").EnumerateArray().Select(x => x.GetString()!).ToList();
            var order = images.Order(seriesUid)!;
            Assert.True(order.IsVolume);
            // Synth lists slices head to feet (z descending); the plan orders by increasing position along the normal.
            Assert.Equal(truthSops, order.SopInstanceUids.Reverse());
            foreach (var read in reads)
            {
                foreach (var label in TestSchemas.CtSegmentation)
                {
                    var truth = MaskRleWriter.Read(Path.Combine(fx.Out, lung.GetProperty("masks").GetProperty(label).GetProperty("file").GetString()!));
                    var mine = plan.Masks.SingleOrDefault(m => m.SeriesInstanceUid == seriesUid && m.Reader == read.Reader && m.Label == label);
                    long both = 0, truthVoxels = 0, mineVoxels = mine?.Voxels ?? 0;
                    for (int t = 0; t < truthSops.Count; t++)
                    {
                        var expected = truth.GetValueOrDefault(t) ?? new byte[512 * 512];
                        var actual = mine?.Slice(order.SliceOf(truthSops[t])!.Value) ?? new byte[512 * 512];
                        Assert.True(expected.AsSpan().SequenceEqual(actual), $"{label}, reader {read.Reader}, slice {t} of {seriesUid}");
                        truthVoxels += expected.Count(b => b == 1);
                        both += expected.Where((b, i) => b == 1 && actual[i] == 1).Count();
                    }

                    if (truthVoxels > 0)
                    {
                        Assert.Equal(1.0, 2.0 * both / (truthVoxels + mineVoxels));
                        compared++;
                    }
                }
            }
        }

        Assert.True(compared >= 2, "the release should have annotated findings");
    }
}
