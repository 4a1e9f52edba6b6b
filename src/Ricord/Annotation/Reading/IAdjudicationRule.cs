using Ricord.Annotation.Reads;
using Ricord.Annotation.Schemas;
using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

/// <summary>Decides whether a study whose reader reads are all submitted needs an adjudicator (the consensus engine implements it).</summary>
public interface IAdjudicationRule
{
    /// <summary>Whether the rule looks at shapes; when false the reads passed to it carry labels only, so that
    /// the queue never decompresses segmentations it does not need.</summary>
    bool UsesShapes { get; }

    bool NeedsAdjudication(LabelSchema schema, AdjudicationTrigger trigger, IReadOnlyList<ReadContent> readerReads);
}
