using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Ricord.Catalog;

namespace Ricord.CatalogBench;

/// <summary>RICORD_BENCH_EXPLAIN=1: captures the exact SQL and parameter values EF Core sends for one study
/// search (its DiagnosticListener), then runs it again under EXPLAIN QUERY PLAN (SQLite) or
/// EXPLAIN (ANALYZE, BUFFERS) (PostgreSQL) and prints the plan.</summary>
internal sealed class QueryPlan : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private (string Sql, (string Name, object? Value)[] Parameters)? _captured;
    private volatile bool _armed;

    private QueryPlan() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    public static bool Enabled => Environment.GetEnvironmentVariable("RICORD_BENCH_EXPLAIN") is not null;

    public static async Task PrintAsync(DatabaseCatalog catalog, StudyQuery query, string title)
    {
        using var plan = new QueryPlan();
        plan._armed = true;
        await catalog.SearchStudiesAsync(query, CancellationToken.None);
        plan._armed = false;
        if (plan._captured is not { } captured)
        {
            Console.WriteLine($"(no SQL captured for {title})");
            return;
        }

        await using var db = catalog.CreateContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        bool sqlite = catalog.Provider == CatalogProvider.Sqlite;
        command.CommandText = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ") + captured.Sql;
        foreach (var (name, value) in captured.Parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }

        Console.WriteLine($"```\n-- {catalog.Provider}: {title}\n{captured.Sql}\n-- parameters: {string.Join(", ", captured.Parameters.Select(p => $"{p.Name}={p.Value}"))}\n-- plan:");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // SQLite: id, parent, notused, detail; PostgreSQL: one text column.
            Console.WriteLine(sqlite ? $"{reader.GetInt32(1),4} {reader.GetString(3)}" : reader.GetString(0));
        }

        Console.WriteLine("```");
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_listeners)
            {
                _listeners.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (_armed && value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData { Command: DbCommand c }
            && c.CommandText.Contains("FROM \"Studies\"", StringComparison.Ordinal))
        {
            _captured = (c.CommandText, c.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToArray());
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_listeners)
        {
            _listeners.ForEach(l => l.Dispose());
        }
    }
}
