using Ricord.Annotation.Consensus;
using Ricord.Annotation.Schemas;
using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

/// <summary>The reading services as every host runs them: the schema's <see cref="ReadValidator"/> and the
/// consensus engine's <see cref="ConsensusAdjudicationRule"/>.</summary>
public static class ReadingDefaults
{
    public static ReadingOptions Options(CatalogOptions catalog) => new()
    {
        Catalog = catalog,
        Validator = new ReadValidator(),
        AdjudicationRule = new ConsensusAdjudicationRule(),
    };
}
