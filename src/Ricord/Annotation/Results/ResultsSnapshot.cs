using Ricord.Annotation.Projects;
using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;
using Ricord.Catalog;

namespace Ricord.Annotation.Results;

/// <summary>What the results of a project are computed from, loaded in a few queries and filtered by blinding: the
/// schema, and per visible study its submitted reader reads (labels only) and submitted adjudication.</summary>
internal sealed record ResultsSnapshot(ProjectSnapshot Project, LabelSchema Schema, IReadOnlyList<ResultsStudy> Studies, int BlindedStudies);

/// <summary>One visible study: submitted reader reads ordered by reader name, the latest submitted adjudication,
/// and whether the study is complete (every required reader read submitted).</summary>
internal sealed record ResultsStudy(ProjectStudy Study, IReadOnlyList<(string Reader, Read Read)> ReaderReads, (string Adjudicator, Read Read)? Adjudication, bool Complete)
{
    public IReadOnlyList<ReadContent> ReaderLabels { get; } = [.. ReaderReads.Select(r => Labels(r.Read))];

    public ReadContent? AdjudicationLabels { get; } = Adjudication is { } a ? Labels(a.Read) : null;

    private static ReadContent Labels(Read read) => new(ReadStorage.LabelsFromJson(read.LabelsJson), []);
}
