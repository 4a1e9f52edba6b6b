using System.Text.Json;

namespace Ricord.Annotation.Agreement;

public sealed partial record AgreementReport
{
    /// <summary>
    /// The whole report as UTF-8 JSON (indented): options, label groups with every pair and confusion matrix
    /// (rows: first reader, columns: second), segmentation per study and the summaries. NaN is written as null
    /// beside its note.
    /// </summary>
    public void WriteJson(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteStartObject("options");
        w.WriteNumber("bootstrapResamples", Options.BootstrapResamples);
        w.WriteNumber("seed", Options.Seed);
        w.WriteNumber("confidence", Options.Confidence);
        w.WriteEndObject();
        w.WriteStartArray("labels");
        foreach (var g in Labels)
        {
            WriteGroup(w, g);
        }

        w.WriteEndArray();
        w.WriteStartArray("segmentationSummaries");
        foreach (var s in SegmentationSummaries)
        {
            w.WriteStartObject();
            w.WriteString("label", s.Label);
            w.WriteString("readerA", s.ReaderA);
            w.WriteString("readerB", s.ReaderB);
            w.WriteNumber("studies", s.Studies);
            w.WriteNumber("definedStudies", s.DefinedStudies);
            Number(w, "meanDice", s.MeanDice);
            Number(w, "meanIou", s.MeanIou);
            Number(w, "pooledDice", s.PooledDice);
            Number(w, "meanVolumeDifferenceMl", s.MeanVolumeDifferenceMl);
            Number(w, "meanAbsoluteVolumeDifferenceMl", s.MeanAbsoluteVolumeDifferenceMl);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("segmentations");
        foreach (var s in Segmentations)
        {
            WriteSegmentation(w, s);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter w, CategoricalAgreement g)
    {
        w.WriteStartObject();
        w.WriteString("group", g.Group);
        Strings(w, "categories", g.Categories);
        Strings(w, "readers", g.Readers);
        w.WriteNumber("studies", g.Studies);
        w.WriteNumber("studiesWithTwoOrMoreRatings", g.StudiesWithTwoOrMoreRatings);
        Write(w, "percentAgreement", g.PercentAgreement);
        Write(w, "unanimity", g.Unanimity);
        Write(w, "fleissKappa", g.FleissKappa);
        foreach (var (name, pairs) in new[] { ("pairs", g.Pairs), ("versusConsensus", g.VersusConsensus) })
        {
            w.WriteStartArray(name);
            foreach (var p in pairs)
            {
                w.WriteStartObject();
                w.WriteString("readerA", p.ReaderA);
                w.WriteString("readerB", p.ReaderB);
                w.WriteNumber("studies", p.Studies);
                Write(w, "percentAgreement", p.PercentAgreement);
                Write(w, "cohenKappa", p.CohenKappa);
                Write(w, "linearWeightedKappa", p.LinearKappa);
                Write(w, "quadraticWeightedKappa", p.QuadraticKappa);
                w.WriteStartArray("confusion");
                for (int i = 0; i < g.Categories.Count; i++)
                {
                    w.WriteStartArray();
                    for (int j = 0; j < g.Categories.Count; j++)
                    {
                        w.WriteNumberValue(p.Confusion[i, j]);
                    }

                    w.WriteEndArray();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteSegmentation(Utf8JsonWriter w, SegmentationAgreement s)
    {
        w.WriteStartObject();
        w.WriteString("study", s.Study);
        w.WriteString("patient", s.Patient);
        w.WriteString("label", s.Label);
        w.WriteStartObject("voxelMm");
        w.WriteNumber("row", s.Geometry.RowSpacing);
        w.WriteNumber("column", s.Geometry.ColumnSpacing);
        w.WriteNumber("slice", s.Geometry.SliceSpacing);
        w.WriteEndObject();
        w.WriteStartArray("volumes");
        foreach (var v in s.Readers.Concat(s.Consensus is null ? [] : [s.Consensus]))
        {
            w.WriteStartObject();
            w.WriteString("reader", v.Reader);
            w.WriteNumber("voxels", v.Voxels);
            w.WriteNumber("ml", v.VolumeMl);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("pairs");
        foreach (var p in s.Pairs.Concat(s.VersusConsensus))
        {
            w.WriteStartObject();
            w.WriteString("readerA", p.ReaderA);
            w.WriteString("readerB", p.ReaderB);
            w.WriteNumber("voxelsA", p.VoxelsA);
            w.WriteNumber("voxelsB", p.VoxelsB);
            w.WriteNumber("intersectionVoxels", p.IntersectionVoxels);
            Number(w, "dice", p.Dice);
            Number(w, "iou", p.Iou);
            w.WriteNumber("volumeDifferenceMl", p.VolumeDifferenceMl);
            if (p.Note is not null)
            {
                w.WriteString("note", p.Note);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter w, string name, Estimate? e)
    {
        if (e is null)
        {
            return;
        }

        w.WriteStartObject(name);
        Number(w, "value", e.Value);
        Number(w, "lower", e.Lower);
        Number(w, "upper", e.Upper);
        w.WriteNumber("replicates", e.Replicates);
        if (e.Note is not null)
        {
            w.WriteString("note", e.Note);
        }

        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
