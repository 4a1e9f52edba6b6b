namespace Ricord.Synth;

public sealed partial class SynthGenerator
{
    private void CtAnnotations(PatientPlan p, MdaiSchema schema, MdaiExportWriter mdai)
    {
        foreach (var s in p.Studies)
        {
            var lung = s.Series.First(se => se.Kind == SynthSeriesKind.AxialLung);
            int readers = CtReaderSimulation.ReaderCount(options.Seed, s);
            for (int r = 0; r < readers; r++)
            {
                string group = MdaiSchema.CtGroups[r];
                var at = s.Start.AddDays(200 + r).AddMinutes(s.Number);
                string user = $"ct-reader-{r}-{s.Number % 3}";
                mdai.Annotation(schema.LabelId(group, CtReaderSimulation.Appearance(options.Seed, s, r, options.ReaderAccuracy)), group, user, s.Uid, null, null, at, null, null, null);
                foreach (var poly in CtReaderSimulation.Polygons(options.Seed, s, lung.Geometry!, r, options.ReaderAccuracy))
                {
                    var inst = lung.Instances[poly.Slice];
                    mdai.Annotation(schema.LabelId(group, poly.Label), group, user, s.Uid, lung.Uid, inst.Uid, at.AddSeconds(poly.Slice), poly.Xs, poly.Ys, CtGeometry.Size);
                }
            }
        }
    }

    private void CxrAnnotations(PatientPlan p, MdaiSchema schema, MdaiExportWriter mdai)
    {
        foreach (var s in p.Studies)
        {
            int truth = Array.IndexOf(SynthPlanner.CxrClasses, s.Appearance);
            var (reads, adjudication) = CxrReaderSimulation.Read(options.Seed, s.Uid, truth, s.Grade, options.ReaderAccuracy);
            var at = s.Start.AddDays(300).AddMinutes(s.Number % 1000);
            for (int r = 0; r < reads.Length; r++)
            {
                Labels(MdaiSchema.CxrGroups[r], $"cxr-reader-{r}", reads[r], at.AddMinutes(r));
            }

            if (adjudication is { } a)
            {
                Labels("Adjudication", "cxr-adjudicator", a, at.AddDays(3));
            }

            void Labels(string group, string user, CxrRead read, DateTime when)
            {
                mdai.Annotation(schema.LabelId(group, SynthPlanner.CxrClasses[read.Class]), group, user, s.Uid, null, null, when, null, null, null);
                if (read.Grade is { } g)
                {
                    mdai.Annotation(schema.LabelId(group, g), group, user, s.Uid, null, null, when.AddSeconds(20), null, null, null);
                }
            }
        }
    }
}
