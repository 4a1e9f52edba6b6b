using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Ricord.Catalog;

namespace Ricord.Tests.Catalog;

/// <summary>The embedded schema scripts (src/Ricord.Catalog/Schema/*.sql) against what EF Core generates now.</summary>
internal static class CatalogSchemaScript
{
    /// <summary>Set to 1 to rewrite the scripts from the current migrations instead of comparing.</summary>
    public const string RegenerateVariable = "RICORD_REGENERATE_CATALOG_SCHEMA";

    /// <summary>A provider's context that never connects (the design-time factories).</summary>
    public static CatalogDbContext DesignContext(CatalogProvider provider) => provider == CatalogProvider.Sqlite
        ? new SqliteDesignTimeFactory().CreateDbContext([])
        : new PostgresDesignTimeFactory().CreateDbContext([]);

    /// <summary>What EF Core runs from nothing to the latest migration, without its per-migration transactions
    /// (the catalog runs the whole script in one), with '\n' line ends.</summary>
    public static string Generate(CatalogProvider provider)
    {
        using var db = DesignContext(provider);
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.NoTransactions).ReplaceLineEndings("\n");
    }

    public static string SourcePath(CatalogProvider provider)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ricord.slnx")))
            {
                var name = CatalogSchema.ResourceName(provider)["Ricord.Catalog.Schema.".Length..];
                return Path.Combine(dir.FullName, "src", "Ricord.Catalog", "Schema", name);
            }
        }

        throw new DirectoryNotFoundException("Ricord.slnx not found above the test output folder.");
    }

    /// <summary>The embedded script equals EF Core's, and its history rows name exactly this build's migrations.
    /// With RICORD_REGENERATE_CATALOG_SCHEMA=1 the source file is rewritten instead (rebuild to embed it).</summary>
    public static void MatchesEfCore(CatalogProvider provider)
    {
        var expected = Generate(provider);
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            File.WriteAllText(SourcePath(provider), expected);
            return;
        }

        // Not Assert.Equal on the whole text: the message must say how to fix it, not show a 20 kB diff.
        Assert.True(CatalogSchema.Script(provider).ReplaceLineEndings("\n") == expected,
            $"src/Ricord.Catalog/Schema/{Path.GetFileName(SourcePath(provider))} is not what EF Core generates for this build's " +
            $"{provider} migrations (a new migration, or a new EF Core version). Regenerate both scripts with " +
            $"`{RegenerateVariable}=1 dotnet test tests/Ricord.Tests --filter FullyQualifiedName~CatalogSchema`, then rebuild, " +
            "run the tests again and commit the .sql files (docs/catalog.md, Migrations).");
        using var db = DesignContext(provider);
        Assert.Equal(db.Database.GetMigrations(), CatalogSchema.Migrations(provider));

        // The catalog runs the script in one transaction. EF Core runs some statements outside one (SQLite's PRAGMA
        // foreign_keys around a table rebuild, PostgreSQL's CREATE INDEX CONCURRENTLY): review CatalogSchema.CreateAsync
        // before letting such a migration into the script.
        Assert.DoesNotContain("PRAGMA", expected, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("CONCURRENTLY", expected, StringComparison.OrdinalIgnoreCase);
    }
}
