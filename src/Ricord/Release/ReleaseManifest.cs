using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ricord.Release;

/// <summary>
/// manifest.json, written last: the format and its version, the release's name and version, the Ricord version that
/// built it, the de-identification profile, the spec, the label map values and every other file with path, size and
/// SHA-256 (ordinal path order). <see cref="Read"/> gives the file list back for verification.
/// </summary>
public static class ReleaseManifest
{
    public const string FileName = "manifest.json";
    public const string Format = "ricord-release";

    private static readonly JsonWriterOptions Writer = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The version of the Ricord build (informational version, with the commit).</summary>
    public static string RicordVersion { get; } =
        typeof(ReleaseManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    internal static async Task WriteAsync(ReleaseOutput output, ReleaseBuildOptions options, ReleaseSelection selection, IReadOnlyList<SegmentationLabel> labels, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Writer))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteNumber("schemaVersion", ReleaseBuilder.FormatVersion);
            w.WriteString("name", options.Spec.Name ?? string.Join('+', options.Spec.Collections));
            w.WriteString("version", options.Version);
            w.WriteString("ricordVersion", RicordVersion);
            Deidentification(w, selection);
            w.WritePropertyName("spec");
            options.Spec.ToJsonElement().WriteTo(w);
            w.WriteStartArray("segmentationLabels");
            foreach (var l in labels)
            {
                w.WriteStartObject();
                w.WriteNumber("value", l.Index);
                w.WriteString("name", l.Name);
                w.WriteString("group", l.Group);
                w.WriteString("color", l.Color);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("files");
            foreach (var f in output.Files)
            {
                w.WriteStartObject();
                w.WriteString("path", f.Path);
                w.WriteNumber("size", f.Size);
                w.WriteString("sha256", f.Sha256);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        await output.WriteAsync(FileName, buffer.ToArray(), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// "deidentification": every profile (PS3.15 Annex E with its options, as ingest recorded it) that produced released
    /// instances, with its SHA-256 and how many instances it made; and how many instances have none recorded (identifiers
    /// kept as published, or ingested before Ricord recorded profiles).
    /// </summary>
    private static void Deidentification(Utf8JsonWriter w, ReleaseSelection selection)
    {
        w.WritePropertyName("deidentification");
        w.WriteStartObject();
        w.WriteString("note", "the de-identification profiles ingest applied to the released instances (PS3.15 Annex E with the options listed)");
        w.WriteStartArray("profiles");
        foreach (var (json, count) in selection.Instances.Where(i => i.DeidProfileId is not null).CountBy(i => selection.Profiles[i.DeidProfileId!.Value])
            .Select(p => (p.Key, p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("sha256", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json))));
            w.WriteNumber("instances", count);
            w.WritePropertyName("profile");
            JsonDocument.Parse(json).WriteTo(w);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("instancesWithoutRecordedProfile", selection.Instances.Count(i => i.DeidProfileId is null));
        w.WriteEndObject();
    }

    /// <summary>The version and files a manifest lists; throws <see cref="ReleaseException"/> when it is not a release manifest.</summary>
    public static (string Version, IReadOnlyList<ReleaseFile> Files) Read(string releaseDirectory)
    {
        string path = Path.Combine(releaseDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new ReleaseException($"no {FileName} in the release folder");
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (root.GetProperty("format").GetString() != Format)
            {
                throw new ReleaseException($"{FileName} is not a Ricord release manifest");
            }

            var files = root.GetProperty("files").EnumerateArray()
                .Select(f => new ReleaseFile(f.GetProperty("path").GetString()!, f.GetProperty("size").GetInt64(), f.GetProperty("sha256").GetString()!)).ToList();
            return (root.GetProperty("version").GetString()!, files);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ReleaseException($"{FileName} cannot be read: {e.Message}", e);
        }
    }
}
