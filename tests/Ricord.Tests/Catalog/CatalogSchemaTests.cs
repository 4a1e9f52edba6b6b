using Ricord.Catalog;
using Ricord.Testing;

namespace Ricord.Tests.Catalog;

/// <summary>The embedded schema scripts (no database needed), and catalogs created from them on each provider.</summary>
public sealed class CatalogSchemaTests
{
    [Fact]
    public void SqliteScriptMatchesEfCore() => CatalogSchemaScript.MatchesEfCore(CatalogProvider.Sqlite);

    [Fact]
    public void PostgresScriptMatchesEfCore() => CatalogSchemaScript.MatchesEfCore(CatalogProvider.Postgres);

    [Fact]
    public Task SqliteScriptCreatesWhatEfCoreMigrates() => CatalogSchemaScenarios.ScriptCreatesWhatEfCoreMigrates(CatalogProvider.Sqlite);

    [PostgresFact]
    public Task PostgresScriptCreatesWhatEfCoreMigrates() => CatalogSchemaScenarios.ScriptCreatesWhatEfCoreMigrates(CatalogProvider.Postgres);

    [Fact]
    public Task SqliteConcurrentFirstOpensCreateOneCatalog() => CatalogSchemaScenarios.ConcurrentFirstOpensCreateOneCatalog(CatalogProvider.Sqlite);

    [PostgresFact]
    public Task PostgresConcurrentFirstOpensCreateOneCatalog() => CatalogSchemaScenarios.ConcurrentFirstOpensCreateOneCatalog(CatalogProvider.Postgres);
}
