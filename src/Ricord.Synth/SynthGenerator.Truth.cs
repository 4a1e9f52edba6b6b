using System.Text.Json;

namespace Ricord.Synth;

public sealed partial class SynthGenerator
{
    private void StudyTruth(string outDir, PatientPlan p, StudyPlan s, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("site", p.Site.Id);
        w.WriteString("patientId", p.Mrn);
        w.WriteString("studyInstanceUid", s.Uid);
        w.WriteString("accessionNumber", s.Accession);
        w.WriteString("studyDate", SynthInstanceWriter.Da(s.Start));
        w.WriteString("appearance", s.Appearance);
        if (p.IsCt)
        {
            w.WriteNumber("readers", CtReaderSimulation.ReaderCount(options.Seed, s));
            w.WriteStartArray("findings");
            foreach (var f in s.CtFindings)
            {
                w.WriteStartObject();
                w.WriteString("kind", f.Kind);
                w.WriteString("label", f.Label);
                WriteNumbers(w, "centerMm", f.Cx, f.Cy, f.Cz);
                WriteNumbers(w, "radiiMm", f.Rx, f.Ry, f.Rz);
                w.WriteNumber("hu", f.Hu);
                WriteNumbers(w, "huRange", f.HuMin, f.HuMax);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
        else
        {
            if (s.Grade is null)
            {
                w.WriteNull("grade");
            }
            else
            {
                w.WriteString("grade", s.Grade);
            }

            w.WriteNumber("zones", s.Zones);
            w.WriteStartArray("opacities");
            foreach (var o in s.CxrOpacities)
            {
                w.WriteStartObject();
                w.WriteNumber("zone", o.Zone);
                WriteNumbers(w, "center", o.Cx, o.Cy);
                WriteNumbers(w, "radii", o.Rx, o.Ry);
                w.WriteNumber("density", o.Density);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteStartArray("series");
        foreach (var se in s.Series)
        {
            SeriesTruth(outDir, s, se, w);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void SeriesTruth(string outDir, StudyPlan s, SeriesPlan se, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("seriesInstanceUid", se.Uid);
        w.WriteNumber("seriesNumber", se.Number);
        w.WriteString("kind", se.Kind.ToString());
        w.WriteString("description", se.Description);
        w.WriteBoolean("annotated", se.Kind == SynthSeriesKind.AxialLung);
        if (se.Xr is { } xr)
        {
            w.WriteString("modality", xr.IsCr ? "CR" : "DX");
            w.WriteString("viewPosition", xr.ViewPosition);
            w.WriteString("photometricInterpretation", xr.Monochrome1 ? "MONOCHROME1" : "MONOCHROME2");
            w.WriteNumber("bitsStored", xr.BitsStored);
            w.WriteNumber("border", xr.Border);
        }

        if (se.Geometry is { } g)
        {
            w.WriteStartObject("geometry");
            w.WriteNumber("rows", CtGeometry.Size);
            w.WriteNumber("columns", CtGeometry.Size);
            WriteNumbers(w, "imageOrientationPatient", g.Orientation);
            WriteNumbers(w, "pixelSpacing", g.RowSpacing, g.Spacing);
            w.WriteNumber("sliceThickness", g.Thickness);
            w.WriteStartArray("imagePositionPatient");
            for (int k = 0; k < g.Positions.Count; k++)
            {
                WriteNumbers(w, null, g.PositionOf(k));
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteStartArray("sopInstanceUids");
        foreach (var i in se.Instances.Where(i => !i.Omitted).DistinctBy(i => i.Uid))
        {
            w.WriteStringValue(i.Uid);
        }

        w.WriteEndArray();
        w.WriteStartArray("files");
        foreach (var i in se.Instances.Where(i => !i.Omitted))
        {
            w.WriteStringValue(i.Path);
        }

        w.WriteEndArray();
        if (se.Kind == SynthSeriesKind.AxialLung && se.Geometry is { } lung)
        {
            w.WriteStartObject("masks");
            foreach (var label in MdaiSchema.CtSegmentationLabels)
            {
                string path = MaskPath(se.Uid, label);
                long voxels = MaskRleWriter.Write(Path.Combine(outDir, path), lung, s.CtFindings, label);
                w.WriteStartObject(label);
                w.WriteString("file", path);
                w.WriteNumber("voxels", voxels);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteNumbers(Utf8JsonWriter w, string? name, params double[] values)
    {
        if (name is null)
        {
            w.WriteStartArray();
        }
        else
        {
            w.WriteStartArray(name);
        }

        foreach (double v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }
}
