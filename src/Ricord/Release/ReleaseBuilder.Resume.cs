using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ricord.Annotation.Mdai;

namespace Ricord.Release;

public sealed partial class ReleaseBuilder
{
    /// <summary>Which build this is (the journal's build.json): a folder holding an unfinished build is resumed only by
    /// the same spec, version, curator, earlier release, withdrawals and Ricord build.</summary>
    private static string BuildIdentity(ReleaseBuildOptions options, IReadOnlyList<Withdrawal> withdrawn)
    {
        string? previous = options.PreviousRelease is { } p && File.Exists(Path.Combine(p, ReleaseManifest.FileName))
            ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(p, ReleaseManifest.FileName))))
            : null;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("build", ReleaseManifest.Format);
            w.WriteString("ricordVersion", ReleaseManifest.RicordVersion);
            w.WriteString("version", options.Version);
            w.WriteString("curator", options.Curator.User);
            w.WriteString("previousManifestSha256", previous);
            w.WriteStartArray("withdrawn");
            foreach (var item in withdrawn.OrderBy(x => x.Id, StringComparer.Ordinal))
            {
                w.WriteStringValue(item.Id);
            }

            w.WriteEndArray();
            w.WritePropertyName("spec");
            options.Spec.ToJsonElement().WriteTo(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>SHA-256 of what the files a resumed build keeps were made from: every selected instance (path, blob,
    /// size) and every project's reads (its MD.ai export) and complete studies.</summary>
    private static string InputsFingerprint(ReleaseSelection selection, List<ReleaseProject> projects, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var i in selection.Instances)
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"{i.Path}\t{i.BlobKey}\t{i.Size}\n"));
        }

        foreach (var project in projects)
        {
            using var export = new MemoryStream();
            MdaiJsonWriter.Write(project.Export, export, ct);
            sha.AppendData(Encoding.UTF8.GetBytes($"project\t{project.Name}\n"));
            sha.AppendData(export.ToArray());
            foreach (var study in project.Consensus.Studies.Where(s => s.IsComplete))
            {
                sha.AppendData(Encoding.UTF8.GetBytes($"complete\t{study.StudyInstanceUid}\n"));
            }
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
