using Microsoft.EntityFrameworkCore;

namespace Ricord.Catalog;

/// <summary>Background jobs in the catalog's Jobs table, claimable from any node. A claim is one atomic
/// statement: on PostgreSQL the candidate row is locked with FOR UPDATE SKIP LOCKED, so concurrent claimers
/// take different jobs without waiting; on SQLite the UPDATE … RETURNING runs under the database's single
/// writer lock, which gives the same guarantee.</summary>
public sealed class JobQueue
{
    private readonly CatalogOptions _options;
    private readonly DbContextOptions _contextOptions;

    public JobQueue(CatalogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _contextOptions = CatalogDbContextFactory.CreateOptions(options);
    }

    public async Task<long> EnqueueAsync(string kind, string? payload, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            var job = new Job { Kind = kind, Payload = payload, State = JobState.Pending, CreatedAt = DateTime.UtcNow };
            db.Jobs.Add(job);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return job.Id;
        }
    }

    /// <summary>Claims the oldest pending job (of <paramref name="kind"/> when given) for <paramref name="worker"/>,
    /// or returns null when none is pending.</summary>
    public async Task<Job?> ClaimAsync(string worker, string? kind, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(worker);
        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            var now = DateTime.UtcNow;
            var kindClause = kind is null ? "" : """AND "Kind" = @kind""";
            var lockClause = db.Provider == CatalogProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : "";
            var sql = $"""
                UPDATE "Jobs" SET "State" = 'Running', "ClaimedBy" = @worker, "ClaimedAt" = @now, "Attempts" = "Attempts" + 1
                WHERE "Id" = (
                    SELECT "Id" FROM "Jobs"
                    WHERE "State" = 'Pending' {kindClause}
                    ORDER BY "Id" LIMIT 1 {lockClause})
                RETURNING "Id"
                """;
            var id = await CatalogCommand.ScalarAsync(db, sql, ct, ("@worker", worker), ("@now", now), ("@kind", kind ?? "")).ConfigureAwait(false);
            return id is null ? null : await db.Jobs.FirstAsync(j => j.Id == id, ct).ConfigureAwait(false);
        }
    }

    public Task CompleteAsync(long id, CancellationToken ct) => FinishAsync(id, JobState.Succeeded, null, ct);

    public Task FailAsync(long id, string error, CancellationToken ct) => FinishAsync(id, JobState.Failed, error, ct);

    private async Task FinishAsync(long id, JobState state, string? error, CancellationToken ct)
    {
        var db = CatalogDbContextFactory.Create(_contextOptions);
        await using (db.ConfigureAwait(false))
        {
            var now = DateTime.UtcNow;
            await db.Jobs.Where(j => j.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(j => j.State, state).SetProperty(j => j.CompletedAt, now).SetProperty(j => j.Error, error), ct)
                .ConfigureAwait(false);
        }
    }
}
