using Ricord.Annotation.Mdai;
using Ricord.Annotation.Schemas;

namespace Ricord.Release;

public sealed partial class ReleaseBuilder
{
    /// <summary>The studies whose complete consensus matches one of the spec's consensus selectors (project, group or any
    /// group, one of the labels; labels compared as the schema compares them).</summary>
    private static HashSet<string> ConsensusStudies(IReadOnlyList<ReleaseConsensusSelector> selectors, List<ReleaseProject> projects)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var selector in selectors)
        {
            var project = projects.FirstOrDefault(p => p.Name == selector.Project)
                ?? throw new ReleaseException($"consensus selector: '{selector.Project}' is not one of the release's reading projects ({string.Join(", ", projects.Select(p => p.Name))})");
            foreach (var study in project.Consensus.Studies.Where(s => s.IsComplete))
            {
                if (study.Consensus!.Groups.Any(g => (selector.Group is null || g.Group == selector.Group) && g.Label is { } label
                    && selector.Labels.Any(l => LabelNames.Same(l, label))))
                {
                    result.Add(study.StudyInstanceUid);
                }
            }
        }

        return result;
    }

    /// <summary>The projects with their MD.ai export cut to the selected studies (reads of studies left out by a site,
    /// modality, query or consensus selector are not released).</summary>
    private static List<ReleaseProject> OnlySelected(List<ReleaseProject> projects, ReleaseSelection selection)
    {
        var selected = selection.Studies.Select(s => s.StudyInstanceUid).ToHashSet(StringComparer.Ordinal);
        return [.. projects.Select(p => p.Reads.All(r => selected.Contains(r.StudyInstanceUid)) ? p : p with
        {
            Export = MdaiExportBuilder.Build(p.Reads.Where(r => selected.Contains(r.StudyInstanceUid)), p.Schema,
                new MdaiExportOptions { ProjectName = p.Name, DatasetName = p.Export.Datasets.FirstOrDefault()?.Name ?? MdaiExportOptions.Default.DatasetName }),
        })];
    }
}
