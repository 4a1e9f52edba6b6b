namespace Ricord.Tests.Catalog;

/// <summary>The throwaway PostgreSQL server the test script starts, named by RICORD_TEST_POSTGRES.</summary>
internal static class TestPostgres
{
    public const string Variable = "RICORD_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Require() => ConnectionString ?? throw new InvalidOperationException(
        $"{Variable} is not set. CI must start a throwaway PostgreSQL server and set it to e.g. " +
        "'Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres'.");
}
