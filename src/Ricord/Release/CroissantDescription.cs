using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ricord.Release;

/// <summary>
/// croissant.json: a Croissant 1.0 (MLCommons) JSON-LD description of the release, so ML dataset tools can find and load
/// it: the dataset (name, version, licence, citation), the files (tables with SHA-256, the DICOM / NIfTI / SEG file sets)
/// and one record set per table with a field per column (types from the data dictionary).
/// </summary>
internal static class CroissantDescription
{
    private static readonly (string Key, string Value)[] Context =
    [
        ("@language", "en"), ("@vocab", "https://schema.org/"), ("citeAs", "cr:citeAs"), ("column", "cr:column"), ("conformsTo", "dct:conformsTo"),
        ("cr", "http://mlcommons.org/croissant/"), ("rai", "http://mlcommons.org/croissant/RAI/"), ("dct", "http://purl.org/dc/terms/"),
        ("extract", "cr:extract"), ("field", "cr:field"), ("fileProperty", "cr:fileProperty"), ("fileObject", "cr:fileObject"), ("fileSet", "cr:fileSet"),
        ("format", "cr:format"), ("includes", "cr:includes"), ("isLiveDataset", "cr:isLiveDataset"), ("jsonPath", "cr:jsonPath"), ("key", "cr:key"),
        ("md5", "cr:md5"), ("parentField", "cr:parentField"), ("path", "cr:path"), ("recordSet", "cr:recordSet"), ("references", "cr:references"),
        ("regex", "cr:regex"), ("repeated", "cr:repeated"), ("replace", "cr:replace"), ("sc", "https://schema.org/"), ("separator", "cr:separator"),
        ("source", "cr:source"), ("subField", "cr:subField"), ("transform", "cr:transform"),
    ];

    private static readonly (string Id, string Pattern, string Format)[] FileSets =
    [
        ("dicom-files", "dicom/**/*.dcm", "application/dicom"),
        ("nifti-files", "nifti/**/*.nii*", "application/x-nifti"),
        ("seg-files", "seg/**/*.dcm", "application/dicom"),
        ("annotation-files", "annotations/*.json", "application/json"),
    ];

    public static byte[] Build(ReleaseBuildOptions options, IReadOnlyList<ReleaseFile> files)
    {
        var tables = files.Where(f => f.Path.EndsWith(".csv", StringComparison.Ordinal) && !f.Path.Contains('/', StringComparison.Ordinal)).ToList();
        var dictionary = CsvReader.ReadFile(Path.Combine(OutputRoot(options), "data_dictionary.csv"));
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartObject("@context");
            foreach (var (key, value) in Context)
            {
                w.WriteString(key, value);
            }

            WriteTyped(w, "data", "cr:data", "@json");
            WriteTyped(w, "dataType", "cr:dataType", "@vocab");
            WriteTyped(w, "examples", "cr:examples", "@json");
            w.WriteEndObject();
            string name = options.Spec.Name ?? string.Join('+', options.Spec.Collections);
            w.WriteString("@type", "sc:Dataset");
            w.WriteString("name", name);
            w.WriteString("description", $"{name} {options.Version}: de-identified imaging with expert reads, consensus labels, segmentations and patient-grouped splits, built by Ricord (see README.md).");
            w.WriteString("conformsTo", "http://mlcommons.org/croissant/1.0");
            w.WriteString("version", options.Version);
            w.WriteString("license", options.Spec.License);
            w.WriteString("citeAs", $"{name}, version {options.Version}");
            w.WriteStartArray("distribution");
            foreach (var t in tables)
            {
                w.WriteStartObject();
                w.WriteString("@type", "cr:FileObject");
                w.WriteString("@id", t.Path);
                w.WriteString("name", t.Path);
                w.WriteString("contentUrl", t.Path);
                w.WriteString("encodingFormat", "text/csv");
                w.WriteString("sha256", t.Sha256);
                w.WriteEndObject();
            }

            foreach (var (id, pattern, format) in FileSets.Concat(ReleaseOptionsCard.FileSets(options.Spec)))
            {
                w.WriteStartObject();
                w.WriteString("@type", "cr:FileSet");
                w.WriteString("@id", id);
                w.WriteString("name", id);
                w.WriteString("includes", pattern);
                w.WriteString("encodingFormat", format);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("recordSet");
            foreach (var t in tables.Where(t => t.Path != "data_dictionary.csv"))
            {
                string table = t.Path[..^4];
                w.WriteStartObject();
                w.WriteString("@type", "cr:RecordSet");
                w.WriteString("@id", table);
                w.WriteString("name", table);
                w.WriteStartArray("field");
                foreach (var column in dictionary.Where(d => d["table"] == t.Path))
                {
                    w.WriteStartObject();
                    w.WriteString("@type", "cr:Field");
                    w.WriteString("@id", $"{table}/{Uri.EscapeDataString(column["column"])}");
                    w.WriteString("name", column["column"]);
                    w.WriteString("description", column["description"]);
                    w.WriteString("dataType", column["type"] switch { "integer" => "sc:Integer", "number" => "sc:Float", "boolean" => "sc:Boolean", _ => "sc:Text" });
                    w.WriteStartObject("source");
                    w.WriteStartObject("fileObject");
                    w.WriteString("@id", t.Path);
                    w.WriteEndObject();
                    w.WriteStartObject("extract");
                    w.WriteString("column", column["column"]);
                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static string OutputRoot(ReleaseBuildOptions options) => Path.GetFullPath(options.OutputDirectory);

    private static void WriteTyped(Utf8JsonWriter w, string key, string id, string type)
    {
        w.WriteStartObject(key);
        w.WriteString("@id", id);
        w.WriteString("@type", type);
        w.WriteEndObject();
    }
}
