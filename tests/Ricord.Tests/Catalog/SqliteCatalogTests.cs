using Ricord.Catalog;

namespace Ricord.Tests.Catalog;

/// <summary>The catalog scenarios on Sqlite.</summary>
public sealed class SqliteCatalogTests
{
    private const CatalogProvider Provider = CatalogProvider.Sqlite;

    [Fact]
    public Task MigrationsApplyAndMatchModel() => CatalogScenarios.MigrationsApplyAndMatchModel(Provider);

    [Fact]
    public Task MigrateAsyncUpgradesAnOlderCatalog() => CatalogScenarios.MigrateAsyncUpgradesAnOlderCatalog(Provider);

    [Fact]
    public Task AddInstanceIsIdempotent() => CatalogScenarios.AddInstanceIsIdempotent(Provider);

    [Fact]
    public Task ConflictsAreReportedAndRolledBack() => CatalogScenarios.ConflictsAreReportedAndRolledBack(Provider);

    [Fact]
    public Task ConcurrentWritersOnOneStudy() => CatalogScenarios.ConcurrentWritersOnOneStudy(Provider);

    [Fact]
    public Task QuarantineAndAuditAreStored() => CatalogScenarios.QuarantineAndAuditAreStored(Provider);

    [Fact]
    public Task KeysetPagingReturnsEveryStudyOnceInOrder() => SearchScenarios.KeysetPagingReturnsEveryStudyOnceInOrder(Provider);

    [Fact]
    public Task FiltersMatchDicomSemantics() => SearchScenarios.FiltersMatchDicomSemantics(Provider);

    [Fact]
    public Task SeriesAndInstancesPageByKey() => SearchScenarios.SeriesAndInstancesPageByKey(Provider);

    [Fact]
    public Task WithdrawnStudiesAndSeriesLeaveTheCatalogTheirReadsAndTheirBlobsAndNothingElse() =>
        WithdrawalScenarios.WithdrawnStudiesAndSeriesLeaveTheCatalogTheirReadsAndTheirBlobsAndNothingElse(Provider);
}
