using System.Globalization;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Ricord.Dicom;
using Ricord.Testing;

namespace Ricord.Cli.Tests.Annotation;

/// <summary>
/// A `ricord synth` release re-laid out as TCIA and MD.ai publish RICORD: PatientID MIDRC-RICORD-1x-&lt;site&gt;-&lt;n&gt;, no
/// patient name, no Manufacturer, TCIA's manifest folders with metadata.csv, the MD.ai JSON (the radiographs' zipped as
/// <c>*.json_.zip</c>); with what real releases hold: a 2-reader radiograph study (a reader's reads removed), a reader with
/// two appearances, a grade on a read that says Negative, a withdrawn study, a CT instance at the position of another
/// with a polygon on each, and an annotation on a SOPInstanceUID that is not in the images.
/// </summary>
internal sealed class PublishedRelease
{
    public const string Twin = "1.2.826.0.1.3680043.10.543.77.2";
    public const string UnknownSop = "1.2.826.0.1.3680043.10.543.77.999";

    public PublishedRelease(SynthRelease synth)
    {
        var cxrFiles = synth.CxrStudies.SelectMany(s => s.GetProperty("series").EnumerateArray()).SelectMany(s => s.GetProperty("files").EnumerateArray())
            .Select(f => Path.Combine(synth.Out, f.GetString()!)).ToList();
        CxrStudies = [.. synth.CxrStudies.Select(s => s.GetProperty("studyInstanceUid").GetString()!)];
        Withdrawn = CxrStudies[3];
        CxrImages = Publish(cxrFiles, "1C", synth.NewFolder("cxr-staged"), synth.NewFolder("cxr-tcia"), null);

        var ct = JsonNode.Parse(File.ReadAllText(synth.CtExport))!;
        var annotations = ct["datasets"]![0]!["annotations"]!.AsArray();
        var drawn = annotations.First(a => a!["data"]?["vertices"] is JsonArray { Count: >= 3 })!;
        TwinOf = drawn["SOPInstanceUID"]!.GetValue<string>();
        CtImages = Publish(synth.CtFiles, "1A", synth.NewFolder("ct-staged"), synth.NewFolder("ct-tcia"), TwinOf);
        annotations.Add(Copy(drawn, "A_twin", Twin));
        annotations.Add(Copy(drawn, "A_unknown", UnknownSop));
        CtExport = Path.Combine(synth.NewFolder("ct-mdai"), "MIDRC-RICORD-1A-annotations.json");
        File.WriteAllText(CtExport, ct.ToJsonString());

        CxrZip = Path.Combine(synth.NewFolder("cxr-mdai"), "MIDRC-RICORD-1C-annotations.json_.zip");
        using (var zip = ZipFile.Open(CxrZip, ZipArchiveMode.Create))
        {
            using var w = new StreamWriter(zip.CreateEntry("MIDRC-RICORD-1C-annotations.json").Open());
            w.Write(EditCxr(JsonNode.Parse(File.ReadAllText(synth.CxrExport))!).ToJsonString());
        }

        WithdrawnList = Path.Combine(synth.NewFolder("withdrawn"), "withdrawn.csv");
        File.WriteAllLines(WithdrawnList, ["StudyInstanceUID,Reason", Withdrawn + ",withdrawn by the submitting site"]);
    }

    public List<string> CxrStudies { get; }

    public string Withdrawn { get; }

    public string TwinOf { get; }

    public string CxrImages { get; }

    public string CtImages { get; }

    public string CtExport { get; }

    public string CxrZip { get; }

    public string WithdrawnList { get; }

    /// <summary>Published identifiers per file: (Study, Series, SOP, PatientID, StudyDate) of every image written.</summary>
    public List<string> Identifiers { get; } = [];

    /// <summary>Study 0: its third reader's reads removed (2 readers). Study 1, read anew: reader 1 gives two appearances
    /// (Typical and Atypical), readers 2 and 3 Typical: Agreed over the 2 available reads. Study 2, read anew: reader 2 says
    /// Negative with a Mild grade (out of scope), readers 1 and 3 Typical with Mild and Moderate: no grade consensus.</summary>
    private JsonNode EditCxr(JsonNode export)
    {
        var groups = export["labelGroups"]!.AsArray();
        string GroupId(string name) => groups.Single(g => g!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<string>();
        string LabelId(string group, string label) => groups.Single(g => g!["id"]!.GetValue<string>() == group)!["labels"]!.AsArray()
            .Single(l => l!["name"]!.GetValue<string>() == label)!["id"]!.GetValue<string>();
        var annotations = export["datasets"]![0]!["annotations"]!.AsArray();
        var template = annotations.First(a => a!["SOPInstanceUID"] is null)!;
        bool In(JsonNode a, int study, string? group = null) => a["StudyInstanceUID"]!.GetValue<string>() == CxrStudies[study]
            && (group is null || a["groupId"]!.GetValue<string>() == GroupId(group));
        foreach (var a in annotations.Where(a => In(a!, 0, "Reader Group 3") || In(a!, 1) || In(a!, 2)).ToList())
        {
            annotations.Remove(a);
        }

        const string Typical = "Typical Appearance", Mild = "Mild Opacities  (1-2 lung zones)", Moderate = "Moderate Opacities (3-4 lung zones)";
        var reads = new (int Study, string Reader, string[] Labels)[]
        {
            (1, "Reader Group 1", [Typical, "Atypical Appearance", Mild]), (1, "Reader Group 2", [Typical, Mild]), (1, "Reader Group 3", [Typical, Moderate]),
            (2, "Reader Group 1", [Typical, Mild]), (2, "Reader Group 2", ["Negative for Pneumonia", Mild]), (2, "Reader Group 3", [Typical, Moderate]),
        };
        foreach (var (study, reader, labels) in reads)
        {
            foreach (string label in labels)
            {
                var a = Copy(template, $"A_{study}_{annotations.Count}", null, LabelId(GroupId(reader), label));
                a["StudyInstanceUID"] = CxrStudies[study];
                a["groupId"] = GroupId(reader);
                annotations.Add(a);
            }
        }

        return export;
    }

    private static JsonNode Copy(JsonNode a, string id, string? sop, string? labelId = null)
    {
        var copy = a.DeepClone();
        copy["id"] = id;
        if (sop is not null)
        {
            copy["SOPInstanceUID"] = sop;
        }

        if (labelId is not null)
        {
            copy["labelId"] = labelId;
        }

        return copy;
    }

    /// <summary>Published headers (and the twin beside <paramref name="twinOf"/>), laid out as TCIA's manifest folder.</summary>
    private string Publish(List<string> files, string release, string staged, string target, string? twinOf)
    {
        var patients = new Dictionary<string, string>(StringComparer.Ordinal);
        var written = new List<string>();
        foreach (string f in files)
        {
            var dicom = DicomFile.Open(f);
            var ds = dicom.Dataset;
            string mrn = ds.GetString(DicomTags.PatientID)!;
            string id = patients.TryGetValue(mrn, out var known) ? known : patients[mrn] = $"MIDRC-RICORD-{release}-419639-{patients.Count + 1:D6}";
            ds.SetString(DicomTags.PatientID, DicomVR.LO, id);
            ds.SetString(DicomTags.PatientName, DicomVR.PN, id);
            ds.Remove(DicomTags.Manufacturer);
            Save(dicom, staged, written);
            if (ds.GetString(DicomTags.SOPInstanceUID) == twinOf)
            {
                ds.SetString(DicomTags.SOPInstanceUID, DicomVR.UI, Twin);
                ds.SetString(DicomTags.InstanceNumber, DicomVR.IS, "9999");
                Save(dicom, staged, written);
            }
        }

        ReleaseLayouts.Tcia(written, target);
        return target;
    }

    private void Save(DicomFile dicom, string staged, List<string> written)
    {
        var ds = dicom.Dataset;
        string path = Path.Combine(staged, written.Count.ToString(CultureInfo.InvariantCulture) + ".dcm");
        dicom.Save(path);
        written.Add(path);
        Identifiers.Add(string.Join(' ', ds.GetString(DicomTags.StudyInstanceUID), ds.GetString(DicomTags.SeriesInstanceUID),
            ds.GetString(DicomTags.SOPInstanceUID), ds.GetString(DicomTags.PatientID), ds.GetDate(DicomTags.StudyDate)));
    }
}
