using System.CommandLine;
using System.Globalization;
using Ricord.Annotation.Projects;
using Ricord.Release;

namespace Ricord.Cli.Commands;

/// <summary><c>ricord release build|verify</c>: versioned, reproducible, verifiable datasets (docs/release.md).</summary>
public static partial class ReleaseCommand
{
    public static Command Create() => new("release", "Build and verify releases: versioned, byte-reproducible datasets with DICOM, NIfTI, label maps, reads, tables, splits and a manifest (docs/release.md).")
    {
        Build(), Verify(), Diff(),
    };

    private static Command Build()
    {
        var collections = new Argument<string[]>("collections") { Description = "Collections to release (they replace the spec's).", Arity = ArgumentArity.ZeroOrMore };
        var version = new Option<string>("--version") { Description = "Semantic version of the release, MAJOR.MINOR.PATCH.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the release into (absent or empty).", Required = true };
        var spec = new Option<FileInfo?>("--spec") { Description = "Release spec (JSON, or YAML when named .yaml/.yml): collections, sites, modalities, query, consensus, projects, seed, split fractions, licence. Recorded in manifest.json; the recorded spec rebuilds the same release." };
        var previous = new Option<DirectoryInfo?>("--previous") { Description = "An earlier release: its patients keep their split." };
        var withdrawn = new Option<FileInfo?>("--withdrawn") { Description = "CSV (id,reason) of patients, studies or series to withdraw; an earlier release's withdrawn.csv is kept too." };
        var gzip = new Option<bool>("--gzip") { Description = "Write NIfTI files as .nii.gz (gzip members compressed on every core; recorded in the spec)." };
        var nnunet = new Option<bool>("--nnunet") { Description = "Also write the nnU-Net v2 raw layout (nnunet/Dataset001_NAME: imagesTr, labelsTr, imagesTs, labelsTs, dataset.json; recorded in the spec)." };
        var sites = new Option<string[]>("--site") { Description = "Only these sites (repeat; replaces the spec's \"sites\")." };
        var modalities = new Option<string[]>("--modality") { Description = "Only series of these modalities (repeat; replaces the spec's \"modalities\")." };
        var projects = new Option<string[]>("--project") { Description = "Only these reading projects' reads, labels and masks (repeat; replaces the spec's \"projects\")." };
        var consensus = new Option<string[]>("--consensus") { Description = "Only studies with this complete consensus label: PROJECT=LABEL or PROJECT/GROUP=LABEL (repeat: any; replaces the spec's \"consensus\")." };
        var query = new Option<FileInfo?>("--query") { Description = "Only studies matching a saved query: a JSON or YAML file with the filters of `ricord query` (patient, date, modality, accession, description); copied into the spec." };
        var actor = new Option<string>("--as") { Description = "Curator the reads are read as (made a curator if not one). Default: release.", DefaultValueFactory = _ => "release" };
        var data = CliData.CreateOption();
        var outputs = new BuildOutputOptions();
        var command = new Command("build",
            "Build a release from the catalog: dicom/ (TCIA layout), nifti/ (one volume per CT series, dcm2niix geometry, consensus label maps), " +
            "annotations/ (MD.ai JSON), labels/series/instances/clinical/splits CSVs with a data dictionary, README.md dataset card and " +
            "manifest.json with every file's SHA-256. The same catalog, spec and version give the same bytes. " +
            "A killed build resumes where it stopped when the same command runs again. " +
            "Exit codes: 0 built, 2 invalid spec/version or unknown collection/project, 3 no data directory, 4 output folder not empty (and not an interrupted build of the same spec and version), 1 usage.")
        {
            collections, version, output, spec, previous, withdrawn, gzip, nnunet, sites, modalities, projects, consensus, query, actor, data,
        };
        outputs.AddTo(command);
        command.SetAction((parse, ct) => RunBuildAsync(
            outputs.Read(parse, new ReleaseBuildArguments(parse.GetValue(collections)!, parse.GetValue(version)!, parse.GetValue(output)!)
            {
                Spec = parse.GetValue(spec), Previous = parse.GetValue(previous), Withdrawn = parse.GetValue(withdrawn), Gzip = parse.GetValue(gzip),
                Nnunet = parse.GetValue(nnunet), Actor = parse.GetValue(actor)!, Sites = parse.GetValue(sites) ?? [], Modalities = parse.GetValue(modalities) ?? [],
                Projects = parse.GetValue(projects) ?? [], Consensus = parse.GetValue(consensus) ?? [], Query = parse.GetValue(query),
            }),
            parse.GetValue(data)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    public static async Task<int> RunBuildAsync(ReleaseBuildArguments args, DirectoryInfo dataDir, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (output, specFile, withdrawn) = (args.Output, args.Spec, args.Withdrawn);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (new[] { specFile, withdrawn, args.Query }.FirstOrDefault(f => f is { Exists: false }) is { } missing)
        {
            stderr.WriteLine($"ricord release build: {missing.FullName} not found");
            return ExitCodes.FileNotFound;
        }

        using var dir = await CliData.OpenExistingAsync(dataDir, stderr, ct).ConfigureAwait(false);
        if (dir is null)
        {
            return ExitCodes.FileNotFound;
        }

        try
        {
            var spec = await args.ApplyAsync(specFile is null ? new ReleaseSpec() : ReleaseSpec.ParseFile(specFile.Name, await File.ReadAllTextAsync(specFile.FullName, ct).ConfigureAwait(false)), ct).ConfigureAwait(false);
            var curator = await ReadCommand.CuratorAsync(dir, args.Actor, ct).ConfigureAwait(false);
            ReleaseProgress last = new("starting", 0, 0, 0);
            var options = new ReleaseBuildOptions(spec, args.Version, output.FullName, curator)
            {
                PreviousRelease = args.Previous?.FullName,
                Withdrawn = withdrawn is null ? [] : Withdrawals.Read(withdrawn.FullName),
                Progress = new Progress<ReleaseProgress>(p => last = p),
            };
            var work = new ReleaseBuilder(dir.CatalogOptions, dir.Blobs).BuildAsync(options, ct);
            await CliProgress.TrackStagesAsync(stdout, () => (last.Stage, last.Done, last.Total, last.Bytes), work).ConfigureAwait(false);
            var result = await work.ConfigureAwait(false);
            WriteSummary(result, stdout);
            return ExitCodes.Success;
        }
        catch (ReleaseException e) when (e.OutputNotEmpty)
        {
            stderr.WriteLine($"ricord release build: {output.FullName}: {e.Message}");
            return ExitCodes.OutputNotEmpty;
        }
        catch (Exception e) when (e is ReleaseException or ReadingException or ReadingAccessException)
        {
            stderr.WriteLine($"ricord release build: {e.Message}");
            return ExitCodes.InvalidInput;
        }
    }

    private static void WriteSummary(ReleaseBuildResult r, TextWriter stdout)
    {
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"release {r.Version} → {r.OutputDirectory}: {r.Patients} patients, {r.Studies} studies, {r.Series} series, {r.Instances} instances; " +
            $"{r.Volumes} NIfTI volumes, {r.LabelMaps} label maps, {r.Excluded.Count} CT series without a volume; {r.Files} files, {r.Bytes / 1e6:F1} MB; split seed {r.Seed}"));
        if (r.KeptFiles > 0)
        {
            stdout.WriteLine($"  resumed an interrupted build, {r.KeptFiles} files kept");
        }

        foreach (var e in r.Excluded)
        {
            stdout.WriteLine($"  no volume: series {e.SeriesInstanceUid} ({e.PatientId}): {e.Reason}");
        }

        foreach (string issue in r.Issues)
        {
            stdout.WriteLine($"  note: {issue}");
        }
    }
}
