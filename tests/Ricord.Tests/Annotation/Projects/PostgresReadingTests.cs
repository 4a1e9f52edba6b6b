using Ricord.Catalog;
using Ricord.Testing;

namespace Ricord.Tests.Annotation.Projects;

/// <summary>The reading scenarios on PostgreSQL (RICORD_TEST_POSTGRES; required in CI).</summary>
public sealed class PostgresReadingTests
{
    private const CatalogProvider Provider = CatalogProvider.Postgres;

    [PostgresFact]
    public Task CreateAssignsBalancedAndDeterministic() => ReadingScenarios.CreateAssignsBalancedAndDeterministic(Provider);

    [PostgresFact]
    public Task ReadersJoinAndLeaveWithoutLosingReads() => ReadingScenarios.ReadersJoinAndLeaveWithoutLosingReads(Provider);

    [PostgresFact]
    public Task AssignPicksUpNewStudies() => ReadingScenarios.AssignPicksUpNewStudies(Provider);

    [PostgresFact]
    public Task BlindingIsEnforcedInTheService() => ReadingScenarios.BlindingIsEnforcedInTheService(Provider);

    [PostgresFact]
    public Task SubmitValidatesLocksAndKeepsHistory() => ReadingScenarios.SubmitValidatesLocksAndKeepsHistory(Provider);

    [PostgresFact]
    public Task ConcurrentEditsNeverLoseAnUpdate() => ReadingScenarios.ConcurrentEditsNeverLoseAnUpdate(Provider);

    [PostgresFact]
    public Task AdjudicationQueueFollowsTheRule() => ReadingScenarios.AdjudicationQueueFollowsTheRule(Provider);

    [PostgresFact]
    public Task AdjudicationWaitsForEveryRead() => ReadingScenarios.AdjudicationWaitsForEveryRead(Provider);

    [PostgresFact]
    public Task SchemasAreStoredByNameAndVersion() => ReadingScenarios.SchemasAreStoredByNameAndVersion(Provider);

    [PostgresFact]
    public Task ImportStoresReadsOnceAndReportsTheRest() => ReadingScenarios.ImportStoresReadsOnceAndReportsTheRest(Provider);
}
