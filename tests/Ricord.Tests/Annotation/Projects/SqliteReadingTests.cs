using Ricord.Catalog;

namespace Ricord.Tests.Annotation.Projects;

/// <summary>The reading scenarios on SQLite (always run).</summary>
public sealed class SqliteReadingTests
{
    private const CatalogProvider Provider = CatalogProvider.Sqlite;

    [Fact]
    public Task CreateAssignsBalancedAndDeterministic() => ReadingScenarios.CreateAssignsBalancedAndDeterministic(Provider);

    [Fact]
    public Task ReadersJoinAndLeaveWithoutLosingReads() => ReadingScenarios.ReadersJoinAndLeaveWithoutLosingReads(Provider);

    [Fact]
    public Task AssignPicksUpNewStudies() => ReadingScenarios.AssignPicksUpNewStudies(Provider);

    [Fact]
    public Task BlindingIsEnforcedInTheService() => ReadingScenarios.BlindingIsEnforcedInTheService(Provider);

    [Fact]
    public Task SubmitValidatesLocksAndKeepsHistory() => ReadingScenarios.SubmitValidatesLocksAndKeepsHistory(Provider);

    [Fact]
    public Task ConcurrentEditsNeverLoseAnUpdate() => ReadingScenarios.ConcurrentEditsNeverLoseAnUpdate(Provider);

    [Fact]
    public Task AdjudicationQueueFollowsTheRule() => ReadingScenarios.AdjudicationQueueFollowsTheRule(Provider);

    [Fact]
    public Task AdjudicationWaitsForEveryRead() => ReadingScenarios.AdjudicationWaitsForEveryRead(Provider);

    [Fact]
    public Task SchemasAreStoredByNameAndVersion() => ReadingScenarios.SchemasAreStoredByNameAndVersion(Provider);

    [Fact]
    public Task ImportStoresReadsOnceAndReportsTheRest() => ReadingScenarios.ImportStoresReadsOnceAndReportsTheRest(Provider);
}
