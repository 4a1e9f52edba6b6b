using Ricord.Catalog;

namespace Ricord.Tests.Annotation.Results;

/// <summary>The results scenarios on SQLite (always run).</summary>
public sealed class SqliteResultsTests
{
    [Fact]
    public Task ConsensusAndAgreementMatchTheHandComputedAnswers() => ResultsScenarios.ConsensusAndAgreementMatchTheHandComputedAnswers(CatalogProvider.Sqlite);

    [Fact]
    public Task BlindingHoldsForResults() => ResultsScenarios.BlindingHoldsForResults(CatalogProvider.Sqlite);
}
