namespace Ricord.Cli.Tests.Commands;

/// <summary>A test that needs PostgreSQL (RICORD_TEST_POSTGRES, a connection string to a throwaway server):
/// skipped with a reason on a developer machine without it, but run (and failing) in CI, as in Ricord.Tests.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "RICORD_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (ConnectionString is null && !ci)
        {
            Skip = $"{Variable} is not set (a throwaway PostgreSQL server; CI always sets it).";
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;
}
