using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ricord.Release;

public sealed partial class ReleaseBuilder
{
    /// <summary>
    /// decathlon/Task01_NAME/: the Medical Segmentation Decathlon layout of the same cases as nnunet/ (every CT volume
    /// with a label map): train and validation cases in imagesTr/labelsTr, test cases in imagesTs (their labels in
    /// labelsTs, which MSD itself withholds), files name_NNN.nii.gz (always gzip-compressed, as MSD's are), and
    /// dataset.json in MSD's form (modality, labels by value, numTraining, numTest, training pairs, test images),
    /// which nnU-Net's MSD converter and MONAI's DecathlonDataset read; cases.csv maps each case to patient, series and split.
    /// </summary>
    private static async Task WriteDecathlonAsync(ReleaseOutput output, ReleaseBuildOptions options, Dictionary<string, SeriesOutcome> series,
        Dictionary<string, (string Stratum, string Split)> splits, IReadOnlyList<SegmentationLabel> labels, CancellationToken ct)
    {
        string name = DatasetName(options.Spec), prefix = name.ToLowerInvariant();
        string root = $"decathlon/Task01_{name}";
        var cases = new CsvTable("case", "patient_id", "series_instance_uid", "split", "image", "label");
        var training = new List<(string Image, string Label)>();
        var test = new List<string>();
        int n = 0;
        foreach (var (s, split) in TrainingCases(series, splits))
        {
            string id = $"{prefix}_{++n:D3}", set = split == "test" ? "Ts" : "Tr";
            string image = $"images{set}/{id}.nii.gz", label = $"labels{set}/{id}.nii.gz";
            await output.WriteAsync($"{root}/{image}", await GzippedAsync(output, s.Nifti!, options, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
            await output.WriteAsync($"{root}/{label}", await GzippedAsync(output, s.LabelMap!, options, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
            cases.Add(id, s.Series.Study.Patient.PatientId, s.Series.SeriesInstanceUid, split, $"{root}/{image}", $"{root}/{label}");
            if (set == "Tr")
            {
                training.Add(($"./{image}", $"./{label}"));
            }
            else
            {
                test.Add($"./{image}");
            }
        }

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("name", name);
            w.WriteString("description", $"{options.Spec.Name ?? string.Join('+', options.Spec.Collections)} {options.Version}: CT volumes with the readers' consensus label maps (a Ricord release)");
            w.WriteString("reference", "see the release's README.md");
            w.WriteString("licence", options.Spec.License);
            w.WriteString("release", options.Version);
            w.WriteString("tensorImageSize", "3D");
            w.WriteStartObject("modality");
            w.WriteString("0", "CT");
            w.WriteEndObject();
            w.WriteStartObject("labels");
            w.WriteString("0", "background");
            foreach (var l in labels)
            {
                w.WriteString(l.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), l.Name);
            }

            w.WriteEndObject();
            w.WriteNumber("numTraining", training.Count);
            w.WriteNumber("numTest", test.Count);
            w.WriteStartArray("training");
            foreach (var (image, label) in training)
            {
                w.WriteStartObject();
                w.WriteString("image", image);
                w.WriteString("label", label);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("test");
            test.ForEach(w.WriteStringValue);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        await output.WriteAsync($"{root}/dataset.json", buffer.ToArray(), ct).ConfigureAwait(false);
        await output.WriteAsync($"{root}/cases.csv", cases.ToBytes(), ct).ConfigureAwait(false);
    }

    /// <summary>A nifti/ file as .nii.gz bytes: as written when the release is gzip-compressed, else compressed now (<see cref="ParallelGzip"/>).</summary>
    private static async Task<byte[]> GzippedAsync(ReleaseOutput output, string path, ReleaseBuildOptions options, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(output.Root, path), ct).ConfigureAwait(false);
        return path.EndsWith(".gz", StringComparison.Ordinal) ? bytes : ParallelGzip.Compress(bytes, options.Parallelism);
    }
}
