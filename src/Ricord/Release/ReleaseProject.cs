using Ricord.Annotation.Mdai;
using Ricord.Annotation.Results;
using Ricord.Annotation.Schemas;

namespace Ricord.Release;

/// <summary>One reading project as a release uses it: its schema, consensus, agreement, reads and MD.ai export.</summary>
internal sealed record ReleaseProject(string Name, LabelSchema Schema, ProjectConsensus Consensus, ProjectAgreement Agreement,
    IReadOnlyList<MdaiRead> Reads, MdaiExport Export);
