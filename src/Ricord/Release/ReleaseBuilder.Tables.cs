using System.Text.Json;
using Ricord.Annotation.Results;
using Ricord.Annotation.Schemas;

namespace Ricord.Release;

public sealed partial class ReleaseBuilder
{
    private static async Task WriteTablesAsync(ReleaseOutput output, ReleaseSelection selection, List<ReleaseProject> projects,
        Dictionary<string, SeriesOutcome> series, Dictionary<string, (string Stratum, string Split)> splits, IReadOnlyList<SegmentationLabel> labels, CancellationToken ct)
    {
        var files = output.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var instances = new CsvTable(ReleaseDictionary.Columns("instances.csv"));
        foreach (var i in selection.Instances)
        {
            var f = files[i.Path];
            instances.Add(i.Series.Study.Patient.PatientId, i.Series.Study.StudyInstanceUid, i.Series.SeriesInstanceUid, i.SopInstanceUid, i.SopClassUid,
                i.InstanceNumber, i.WrittenTransferSyntaxUid ?? i.TransferSyntaxUid, i.Rows, i.Columns, f.Path, f.Size, f.Sha256, i.ImagePhotometric, i.Image);
        }

        var counts = selection.Instances.CountBy(i => i.Series).ToDictionary();
        var seriesTable = new CsvTable(ReleaseDictionary.Columns("series.csv"));
        foreach (var s in selection.Series.Select(s => series[s.SeriesInstanceUid]))
        {
            seriesTable.Add(s.Series.Study.Patient.PatientId, s.Series.Study.Patient.Site, s.Series.Study.StudyInstanceUid, s.Series.SeriesInstanceUid,
                s.Series.Modality, s.Series.SeriesNumber, s.Series.Description, s.Series.BodyPart, counts[s.Series],
                s.Rows, s.Columns, s.PixelSpacing, s.SliceThickness, s.SliceSpacing, s.Kernel, s.ImageType, s.Nifti, s.LabelMap, s.Seg,
                s.Nifti is not null ? "volume" : s.Series.Modality == "CT" ? "excluded" : "not-ct", s.Excluded, string.Join(';', s.Flags),
                string.Join(';', s.LabelFiles), s.LabelmapSeg);
        }

        var splitTable = new CsvTable(ReleaseDictionary.Columns("splits.csv"));
        foreach (var study in selection.Studies)
        {
            var (stratum, split) = splits[study.Patient.PatientId];
            splitTable.Add(study.Patient.PatientId, study.StudyInstanceUid, study.Patient.Site, split, stratum);
        }

        await output.WriteAsync("instances.csv", instances.ToBytes(), ct).ConfigureAwait(false);
        await output.WriteAsync("series.csv", seriesTable.ToBytes(), ct).ConfigureAwait(false);
        await output.WriteAsync("splits.csv", splitTable.ToBytes(), ct).ConfigureAwait(false);
        await output.WriteAsync("labels.csv", LabelsTable(selection, projects).ToBytes(), ct).ConfigureAwait(false);
        var (clinical, clinicalColumns) = ClinicalTable(selection);
        await output.WriteAsync("clinical.csv", clinical.ToBytes(), ct).ConfigureAwait(false);
        await output.WriteAsync("data_dictionary.csv", ReleaseDictionary.Table(clinicalColumns, labels).ToBytes(), ct).ConfigureAwait(false);
    }

    /// <summary>One row per study × STUDY-scope group of each project: the consensus, each reader's label and the votes.</summary>
    private static CsvTable LabelsTable(ReleaseSelection selection, List<ReleaseProject> projects)
    {
        var table = new CsvTable(ReleaseDictionary.Columns("labels.csv"));
        var studies = selection.Studies.ToDictionary(s => s.StudyInstanceUid, StringComparer.Ordinal);
        foreach (var project in projects)
        {
            var reads = project.Reads.Where(r => !r.IsAdjudication).ToLookup(r => r.StudyInstanceUid, StringComparer.Ordinal);
            foreach (var result in project.Consensus.Studies.Where(s => s.IsComplete && studies.ContainsKey(s.StudyInstanceUid))
                .OrderBy(s => studies[s.StudyInstanceUid].Patient.PatientId, StringComparer.Ordinal).ThenBy(s => s.StudyInstanceUid, StringComparer.Ordinal))
            {
                var study = studies[result.StudyInstanceUid];
                foreach (var group in project.Schema.Groups.Where(g => g.Scope == LabelScope.Study))
                {
                    var consensus = result.Consensus!.For(group.Name);
                    var readerLabels = reads[result.StudyInstanceUid].OrderBy(r => r.Reader, StringComparer.Ordinal)
                        .Select(r => $"{r.Reader}={string.Join('|', r.Content.Labels.Where(l => l.SeriesInstanceUid is null && LabelNames.Same(l.Group, group.Name)).Select(l => l.Label))}");
                    int agreeing = consensus?.Label is { } label ? consensus.Votes.Where(v => LabelNames.Same(v.Label, label)).Sum(v => v.Count) : 0;
                    table.Add(project.Name, study.Patient.PatientId, study.Patient.Site, study.StudyInstanceUid, group.Name,
                        consensus is null ? "" : ProjectConsensus.StatusName(consensus.Status), consensus?.Label, result.Consensus.Adjudicated, result.Readers.Count,
                        result.RequiredReads, string.Join(';', readerLabels), consensus is null ? "" : string.Join(';', consensus.Votes.Select(v => $"{v.Label}:{v.Count}")),
                        consensus is { Reads: > 0 } && consensus.Label is not null ? (double)agreeing / consensus.Reads : null);
                }
            }
        }

        return table;
    }

    /// <summary>clinical.csv: patient, site, then every column the clinical records hold, in order of first appearance.</summary>
    private static (CsvTable Table, List<string> Columns) ClinicalTable(ReleaseSelection selection)
    {
        var rows = selection.Clinical.Select(c => (c.Patient, Values: JsonDocument.Parse(c.Values).RootElement.EnumerateObject()
            .Select(p => (p.Name, Value: p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetRawText()))
            .ToList())).ToList();
        var columns = rows.SelectMany(r => r.Values.Select(v => v.Name)).Distinct(StringComparer.Ordinal).ToList();
        var table = new CsvTable(["patient_id", "site", .. columns]);
        foreach (var (patient, values) in rows)
        {
            var map = values.GroupBy(v => v.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
            table.Add([patient.PatientId, patient.Site, .. columns.Select(c => (object?)map.GetValueOrDefault(c))]);
        }

        return (table, columns);
    }

    /// <summary>README.md, and the plots it shows (plots/*.png).</summary>
    private static async Task WriteCardAsync(ReleaseOutput output, ReleaseBuildOptions options, ReleaseSelection selection, List<ReleaseProject> projects,
        Dictionary<string, SeriesOutcome> series, Dictionary<string, (string Stratum, string Split)> splits, IReadOnlyList<SegmentationLabel> labels, CancellationToken ct)
    {
        var plots = ReleasePlots.Build(selection, projects, series, labels);
        foreach (var (path, _, png) in plots)
        {
            await output.WriteAsync(path, png, ct).ConfigureAwait(false);
        }

        var card = ReleaseCard.Build(options, selection, projects, series, splits, labels, [.. plots.Select(p => (p.Path, p.Caption))]);
        await output.WriteAsync("README.md", System.Text.Encoding.UTF8.GetBytes(card), ct).ConfigureAwait(false);
    }
}
