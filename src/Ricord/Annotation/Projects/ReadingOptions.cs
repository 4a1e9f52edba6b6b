using Ricord.Catalog;

namespace Ricord.Annotation.Projects;

/// <summary>What the reading services need: the catalog, and the schema-side plug-ins (validator, adjudication
/// rule). Operations that need a missing plug-in refuse with a <see cref="ReadingException"/>.</summary>
public sealed class ReadingOptions
{
    public required CatalogOptions Catalog { get; init; }

    /// <summary>Checks reads on save and submit; required to save anything.</summary>
    public IReadValidator? Validator { get; init; }

    /// <summary>Decides which completed studies need adjudication; required for the queue (status reports pending as unknown without it).</summary>
    public IAdjudicationRule? AdjudicationRule { get; init; }
}
