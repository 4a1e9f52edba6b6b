using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;

namespace Ricord.Tests.Catalog;

/// <summary>The raw connections ingest uses behave as EF Core's did.</summary>
public sealed class CatalogConnectionsTests
{
    /// <summary>A writing transaction holds SQLite's write lock from BEGIN, as EF Core's
    /// BeginTransactionAsync(Serializable) does on Microsoft.Data.Sqlite (BEGIN IMMEDIATE): a batch never fails on
    /// a read-to-write lock upgrade, writers queue on the busy timeout instead.</summary>
    [Fact]
    public async Task SqliteWriteTransactionTakesTheWriteLockAtBeginAsEfCoreDoes()
    {
        await using var t = await TestCatalog.CreateAsync(CatalogProvider.Sqlite);
        await using (var db = t.Db())
        {
            await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable);
            Assert.False(await OtherWriterCanBeginAsync(t.Options));
        }

        var connection = await new CatalogConnections(t.Options).OpenAsync(CancellationToken.None);
        await using (connection)
        {
            await using var tx = await CatalogConnections.BeginWriteAsync(connection, CancellationToken.None);
            Assert.False(await OtherWriterCanBeginAsync(t.Options));
        }

        Assert.True(await OtherWriterCanBeginAsync(t.Options));
    }

    [Fact]
    public async Task SqliteConnectionsHaveTheCatalogPragmas()
    {
        await using var t = await TestCatalog.CreateAsync(CatalogProvider.Sqlite);
        var connection = await new CatalogConnections(new CatalogOptions { DataDirectory = t.Options.DataDirectory, BusyTimeout = TimeSpan.FromSeconds(7) }).OpenAsync(CancellationToken.None);
        await using (connection)
        {
            Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
            Assert.Equal("2", await PragmaAsync(connection, "synchronous")); // FULL
            Assert.Equal("1", await PragmaAsync(connection, "foreign_keys"));
            Assert.Equal("7000", await PragmaAsync(connection, "busy_timeout"));
        }
    }

    private static async Task<string?> PragmaAsync(DbConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Whether another connection gets the write lock within a second.</summary>
    private static async Task<bool> OtherWriterCanBeginAsync(CatalogOptions options)
    {
        await using var other = new SqliteConnection(CatalogConnections.SqliteConnectionString(options) + ";Pooling=False;Default Timeout=1");
        await other.OpenAsync();
        await using var command = other.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=0";
        await command.ExecuteNonQueryAsync();
        try
        {
            command.CommandText = "BEGIN IMMEDIATE";
            await command.ExecuteNonQueryAsync();
            command.CommandText = "ROLLBACK";
            await command.ExecuteNonQueryAsync();
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 5) // SQLITE_BUSY
        {
            return false;
        }
    }
}
