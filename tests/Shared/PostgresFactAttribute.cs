namespace Ricord.Testing;

/// <summary>A test that needs PostgreSQL: skipped with a reason on a developer machine without
/// RICORD_TEST_POSTGRES, but run (and failing) in CI, where the server must be there.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.ConnectionString is null && !TestPostgres.InCi)
        {
            Skip = $"{TestPostgres.Variable} is not set (a throwaway PostgreSQL server; CI always sets it).";
        }
    }
}
