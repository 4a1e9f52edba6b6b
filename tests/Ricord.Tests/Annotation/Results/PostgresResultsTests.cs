using Ricord.Catalog;
using Ricord.Testing;

namespace Ricord.Tests.Annotation.Results;

/// <summary>The results scenarios on PostgreSQL (RICORD_TEST_POSTGRES; required in CI).</summary>
public sealed class PostgresResultsTests
{
    [PostgresFact]
    public Task ConsensusAndAgreementMatchTheHandComputedAnswers() => ResultsScenarios.ConsensusAndAgreementMatchTheHandComputedAnswers(CatalogProvider.Postgres);

    [PostgresFact]
    public Task BlindingHoldsForResults() => ResultsScenarios.BlindingHoldsForResults(CatalogProvider.Postgres);
}
