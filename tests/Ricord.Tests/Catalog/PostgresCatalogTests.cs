using Ricord.Catalog;
using Ricord.Testing;

namespace Ricord.Tests.Catalog;

/// <summary>The catalog scenarios on Postgres (RICORD_TEST_POSTGRES; required in CI).</summary>
public sealed class PostgresCatalogTests
{
    private const CatalogProvider Provider = CatalogProvider.Postgres;

    [PostgresFact]
    public Task MigrationsApplyAndMatchModel() => CatalogScenarios.MigrationsApplyAndMatchModel(Provider);

    [PostgresFact]
    public Task MigrateAsyncUpgradesAnOlderCatalog() => CatalogScenarios.MigrateAsyncUpgradesAnOlderCatalog(Provider);

    [PostgresFact]
    public Task AddInstanceIsIdempotent() => CatalogScenarios.AddInstanceIsIdempotent(Provider);

    [PostgresFact]
    public Task ConflictsAreReportedAndRolledBack() => CatalogScenarios.ConflictsAreReportedAndRolledBack(Provider);

    [PostgresFact]
    public Task ConcurrentWritersOnOneStudy() => CatalogScenarios.ConcurrentWritersOnOneStudy(Provider);

    [PostgresFact]
    public Task QuarantineAndAuditAreStored() => CatalogScenarios.QuarantineAndAuditAreStored(Provider);

    [PostgresFact]
    public Task KeysetPagingReturnsEveryStudyOnceInOrder() => SearchScenarios.KeysetPagingReturnsEveryStudyOnceInOrder(Provider);

    [PostgresFact]
    public Task FiltersMatchDicomSemantics() => SearchScenarios.FiltersMatchDicomSemantics(Provider);

    [PostgresFact]
    public Task SeriesAndInstancesPageByKey() => SearchScenarios.SeriesAndInstancesPageByKey(Provider);

    [PostgresFact]
    public Task WithdrawnStudiesAndSeriesLeaveTheCatalogTheirReadsAndTheirBlobsAndNothingElse() =>
        WithdrawalScenarios.WithdrawnStudiesAndSeriesLeaveTheCatalogTheirReadsAndTheirBlobsAndNothingElse(Provider);
}
