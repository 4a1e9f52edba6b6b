using Ricord.Deid;

namespace Ricord.Tests.Clinical;

/// <summary>Clinical import only looks patients up: <see cref="ILinkTable.FindPatient"/> never creates a link.</summary>
public sealed class LinkLookupTests
{
    [Fact]
    public void Sqlite_and_memory_tables_find_without_creating()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"ricord-link-{Guid.NewGuid():N}");
        try
        {
            using var sqlite = new SqliteLinkTable(Path.Combine(dir, "link.db"));
            using var memory = new InMemoryLinkTable();
            foreach (ILinkTable table in new ILinkTable[] { sqlite, memory })
            {
                var a = table.GetOrCreatePatient("RICORD-1A", "419639", "M1", DateShiftRange.Default);
                var b = table.GetOrCreatePatient("RICORD-1B", "419639", "M1", DateShiftRange.Default);
                Assert.Equal([("RICORD-1A", a), ("RICORD-1B", b)], table.FindPatient("419639", "M1"));
                Assert.Equal([("RICORD-1B", b)], table.FindPatient("419639", "M1", "RICORD-1B"));
                Assert.Empty(table.FindPatient("660042", "M1"));
                Assert.Empty(table.FindPatient("419639", "M2"));
                Assert.Empty(table.FindPatient("419639", "M2"));
            }

            Assert.Equal(2, sqlite.PatientCount());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
