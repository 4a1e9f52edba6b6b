using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ricord.Release;

public sealed partial class ReleaseBuilder
{
    /// <summary>
    /// nnunet/Dataset001_NAME/: the nnU-Net v2 raw layout of every CT volume with a label map: train and validation cases in
    /// imagesTr/labelsTr, test cases in imagesTs/labelsTs, images as CASE_0000 (one CT channel), dataset.json with channel
    /// names, the label values (consecutive from 0) and the file ending, and cases.csv mapping each case to its patient,
    /// series and split. The files are copies of nifti/'s.
    /// </summary>
    private static async Task WriteNnunetAsync(ReleaseOutput output, ReleaseBuildOptions options, Dictionary<string, SeriesOutcome> series,
        Dictionary<string, (string Stratum, string Split)> splits, IReadOnlyList<SegmentationLabel> labels, CancellationToken ct)
    {
        string name = DatasetName(options.Spec);
        string root = $"nnunet/Dataset001_{name}";
        string ending = options.Spec.Gzip ? ".nii.gz" : ".nii";
        var cases = new CsvTable("case", "patient_id", "series_instance_uid", "split", "image", "label");
        int n = 0, training = 0;
        foreach (var (s, split) in TrainingCases(series, splits))
        {
            string id = $"case_{++n:D4}";
            string set = split == "test" ? "Ts" : "Tr";
            training += set == "Tr" ? 1 : 0;
            string image = $"{root}/images{set}/{id}_0000{ending}", label = $"{root}/labels{set}/{id}{ending}";
            await output.WriteAsync(image, await File.ReadAllBytesAsync(Path.Combine(output.Root, s.Nifti!), ct).ConfigureAwait(false), ct).ConfigureAwait(false);
            await output.WriteAsync(label, await File.ReadAllBytesAsync(Path.Combine(output.Root, s.LabelMap!), ct).ConfigureAwait(false), ct).ConfigureAwait(false);
            cases.Add(id, s.Series.Study.Patient.PatientId, s.Series.SeriesInstanceUid, split, image, label);
        }

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartObject("channel_names");
            w.WriteString("0", "CT");
            w.WriteEndObject();
            w.WriteStartObject("labels");
            w.WriteNumber("background", 0);
            foreach (var l in labels)
            {
                w.WriteNumber(l.Name, l.Index);
            }

            w.WriteEndObject();
            w.WriteNumber("numTraining", training);
            w.WriteString("file_ending", ending);
            w.WriteString("name", name);
            w.WriteString("release", options.Version);
            w.WriteString("licence", options.Spec.License);
            w.WriteEndObject();
        }

        await output.WriteAsync($"{root}/dataset.json", buffer.ToArray(), ct).ConfigureAwait(false);
        await output.WriteAsync($"{root}/cases.csv", cases.ToBytes(), ct).ConfigureAwait(false);
    }

    /// <summary>The dataset's name in ASCII letters and digits (the spec's name or its collections; "Ricord" when none is left).</summary>
    private static string DatasetName(ReleaseSpec spec) =>
        new string([.. (spec.Name ?? string.Join('+', spec.Collections)).Where(char.IsAsciiLetterOrDigit)]) is { Length: > 0 } name ? name : "Ricord";

    /// <summary>Every CT volume with a label map, by patient then series UID, with its patient's split.</summary>
    private static IEnumerable<(SeriesOutcome Series, string Split)> TrainingCases(Dictionary<string, SeriesOutcome> series, Dictionary<string, (string Stratum, string Split)> splits) =>
        series.Values.Where(s => s.LabelMap is not null && s.Nifti is not null)
            .OrderBy(s => s.Series.Study.Patient.PatientId, StringComparer.Ordinal).ThenBy(s => s.Series.SeriesInstanceUid, StringComparer.Ordinal)
            .Select(s => (s, splits[s.Series.Study.Patient.PatientId].Split));
}
