using Ricord.Annotation;
using Ricord.Annotation.Import;
using Ricord.Annotation.Mdai;
using Ricord.Dicom;
using Ricord.Tests.Annotation.Mdai;

namespace Ricord.Tests.Annotation.Import;

/// <summary>
/// Instances that share a slice position are kept as distinct slices (SliceStack), ordered by InstanceNumber: a polygon
/// drawn on either lands on its own instance, and both rasterise; an annotation on an unknown SOPInstanceUID is skipped
/// alone, and a polygon with fewer than 3 points is skipped with a warning naming it, the rest of the read kept.
/// </summary>
[Collection(ReleaseCollection.Name)]
public sealed class DuplicateSliceTests(ReleaseFixture fx)
{
    [Fact]
    public void Polygons_on_two_instances_at_one_position_land_on_both()
    {
        var export = MdaiJsonReader.ReadFile(fx.CtExport);
        var a = export.Annotations.First(x => x.SopInstanceUid is not null && x.Data?.Vertices is { Count: >= 6 });
        string folder = fx.NewFolder("dup");
        var files = fx.DicomFiles.Where(f => DicomFile.Open(f).Dataset.GetString(DicomTags.SeriesInstanceUID) == a.SeriesInstanceUid).ToList();
        foreach (var f in files)
        {
            File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        }

        // A second instance at the annotated slice's position: another SOP UID, a higher InstanceNumber.
        var source = DicomFile.Open(files.Single(f => DicomFile.Open(f).Dataset.GetString(DicomTags.SOPInstanceUID) == a.SopInstanceUid));
        const string Twin = "1.2.826.0.1.3680043.10.543.77.1";
        source.Dataset.SetString(DicomTags.SOPInstanceUID, DicomVR.UI, Twin);
        source.Dataset.SetString(DicomTags.InstanceNumber, DicomVR.IS, "9999");
        source.Save(Path.Combine(folder, "twin.dcm"));

        var extra = new[]
        {
            a with { Id = "A_twin", SopInstanceUid = Twin },
            a with { Id = "A_nowhere", SopInstanceUid = "1.2.3.999" },
            a with { Id = "A_two_points", Data = a.Data! with { Vertices = [.. a.Data!.Vertices!.Take(4)] } },
        };
        var d = export.Datasets[0];
        export = export with { Datasets = [d with { Annotations = [.. d.Annotations, .. extra] }] };
        var images = ImageIndexer.Index(folder, 2);
        var plan = ReleaseImporter.Plan(export, images, TestSchemas.Ct);

        var order = images.Order(a.SeriesInstanceUid!)!;
        Assert.Equal(files.Count + 1, order.SopInstanceUids.Count);
        Assert.Equal(order.SliceOf(a.SopInstanceUid!) + 1, order.SliceOf(Twin)); // beside it, after it by InstanceNumber
        var original = plan.Placements.Single(p => p.AnnotationId == a.Id);
        var twin = plan.Placements.Single(p => p.AnnotationId == "A_twin");
        Assert.Equal((a.SopInstanceUid, Twin), (original.SopInstanceUid, twin.SopInstanceUid));
        Assert.NotEqual(original.Slice, twin.Slice);
        Assert.Empty(plan.Misplaced);

        Assert.Contains("A_nowhere", plan.SkippedAnnotations); // (and those of the series not copied here)
        Assert.DoesNotContain(plan.SkippedAnnotations, id => id is "A_twin" || id == a.Id);
        Assert.Contains(plan.Conversion.Warnings, w => w.Contains("A_two_points", StringComparison.Ordinal) && w.Contains("fewer than 3 points", StringComparison.Ordinal));
        var read = plan.Reads.Single(r => r.StudyInstanceUid == a.StudyInstanceUid && r.Content.Shapes.Any(s => s.SopInstanceUid == Twin));
        Assert.Contains(read.Content.Shapes, s => s.SopInstanceUid == a.SopInstanceUid);
        Assert.DoesNotContain(read.Content.Shapes, s => s.SopInstanceUid == "1.2.3.999");

        // Masks count both slices: the twin's slice is exactly its one polygon, and the original's slice still has it.
        var mask = plan.Masks.First(m => m.SeriesInstanceUid == a.SeriesInstanceUid && m.Reader == read.Reader && m.Runs.ContainsKey(twin.Slice));
        var v = a.Data!.Vertices!;
        var polygon = PolygonRasterizer.Rasterize([.. v.Where((_, i) => i % 2 == 0)], [.. v.Where((_, i) => i % 2 == 1)], mask.Rows, mask.Columns);
        Assert.True(polygon.Count(x => x != 0) > 0);
        Assert.Equal(polygon, mask.Slice(twin.Slice));
        Assert.All(Enumerable.Range(0, polygon.Length).Where(i => polygon[i] != 0), i => Assert.Equal(1, mask.Slice(original.Slice)[i]));
    }
}
