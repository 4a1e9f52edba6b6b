using Ricord.Cli;
using Ricord.Deid;
using Ricord.Dicom;

namespace Ricord.DeidScoring;

/// <summary>
/// The scorer through the CLI, in process: <c>ricord deid IN OUT</c> (OUT and everything printed searched; the link
/// table and review folder sit in a secrets folder beside it) and <c>ricord ingest</c> (the whole data directory
/// except <c>secrets/</c>, and everything printed). Outputs are matched to corpus files by their remapped SOP Instance UID.
/// </summary>
public static class CliScoring
{
    private const string Collection = "RICORD-SCORE";
    private const string Site = "990001";

    public static ScoreReport ScoreDeid(PhiCorpus corpus, string corpusFolder, ProfileChoice profile, string work)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(profile);
        string output = Path.Combine(work, "deid-out"), secrets = Path.Combine(work, "deid-secrets");
        Directory.CreateDirectory(secrets);
        string linkTable = Path.Combine(secrets, "link.db");
        var log = Run([.. new[] { "deid", corpusFolder, output, "--collection", Collection, "--site", Site, "--link-table", linkTable }, .. ProfileArguments(profile, secrets)]);
        return ScoreFolder(corpus, profile, "ricord deid", output, linkTable, log);
    }

    public static ScoreReport ScoreIngest(PhiCorpus corpus, string corpusFolder, ProfileChoice profile, string work)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(profile);
        string data = Path.Combine(work, "ingest-data"), profiles = Path.Combine(work, "ingest-profile");
        Directory.CreateDirectory(profiles);
        var log = Run([.. new[] { "ingest", corpusFolder, "--collection", Collection, "--site", Site, "--data", data, "--parallel", "2" }, .. ProfileArguments(profile, profiles)]);
        log.AddRange(Run("quarantine", "list", "--data", data));
        return ScoreFolder(corpus, profile, "ricord ingest", data, Path.Combine(data, "secrets", "link.db"), log);
    }

    /// <summary>--profile NAME for a built-in profile, --profile FILE.json (written into <paramref name="folder"/>) for any other; nothing for the default.</summary>
    private static string[] ProfileArguments(ProfileChoice profile, string folder)
    {
        if (profile.IsDefault)
        {
            return [];
        }

        if (DeidProfile.Builtin(profile.Label) is not null)
        {
            return ["--profile", profile.Label.ToLowerInvariant()];
        }

        string json = Path.Combine(folder, "profile.json");
        File.WriteAllText(json, profile.Profile.ToJson());
        return ["--profile", json];
    }

    /// <summary>Every file under <paramref name="root"/> except <c>secrets/</c> is searched; those that read as DICOM are matched to
    /// corpus files by name, or by SOP Instance UID remapped with <paramref name="linkTable"/>'s key (when there is one).</summary>
    public static ScoreReport ScoreFolder(PhiCorpus corpus, ProfileChoice profile, string tool, string root, string? linkTable, IEnumerable<string> log)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(profile);
        var bySop = new Dictionary<string, int>(StringComparer.Ordinal);
        if (linkTable is not null && File.Exists(linkTable))
        {
            using var links = new SqliteLinkTable(linkTable);
            var engine = new Deidentifier(profile.Profile);
            foreach (var f in corpus.Files)
            {
                bySop[engine.RemapUid(f.SopInstanceUid, links)] = f.Index;
            }
        }

        var outputs = new Dictionary<int, DicomFile?>();
        var unreadable = new HashSet<int>();
        var bytes = new List<(string, byte[])>();
        string secrets = Path.Combine(root, "secrets") + Path.DirectorySeparatorChar;
        foreach (string file in Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories) : [])
        {
            if (file.StartsWith(secrets, StringComparison.Ordinal))
            {
                continue;
            }

            byte[] b = File.ReadAllBytes(file);
            bytes.Add((Path.GetRelativePath(root, file), b));
            var byName = corpus.Files.FirstOrDefault(f => f.Name == Path.GetFileName(file));
            var dicom = TryRead(b);
            if (dicom is null && byName is not null)
            {
                unreadable.Add(byName.Index);
            }
            else if (dicom is not null)
            {
                if (byName is not null)
                {
                    outputs[byName.Index] = dicom;
                }
                else if (dicom.Dataset.GetString(new DicomTag(0x00080018)) is { } sop && bySop.TryGetValue(sop, out int index))
                {
                    outputs[index] = dicom;
                }
            }
        }

        return DeidScorer.Score(corpus, new Expectations(profile.Profile, profile.Strict), tool, profile.Label, outputs, bytes, log, unreadable);
    }

    private static DicomFile? TryRead(byte[] bytes)
    {
        try
        {
            return bytes.Length > 132 ? DicomFile.Read(bytes) : null;
        }
        catch (DicomFormatException)
        {
            return null;
        }
    }

    private static List<string> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return [$"ricord {args[0]} exit {code}", .. stdout.ToString().Split('\n'), .. stderr.ToString().Split('\n')];
    }
}
