using Ricord.Catalog;
using Ricord.Testing;

namespace Ricord.Tests.Catalog;

/// <summary>A migrated catalog in its own database (a temp SQLite file, or CREATE DATABASE ricord_test_… on
/// the test PostgreSQL server), dropped on dispose. Has collection "RICORD-1A" and site "419639".</summary>
internal sealed class TestCatalog : IAsyncDisposable
{
    public const string Collection = "RICORD-1A";
    public const string Site = "419639";

    private readonly string? _sqliteDirectory;
    private readonly string? _postgresDatabase;

    private TestCatalog(CatalogOptions options, string? sqliteDirectory, string? postgresDatabase)
    {
        Options = options;
        Catalog = new DatabaseCatalog(options);
        _sqliteDirectory = sqliteDirectory;
        _postgresDatabase = postgresDatabase;
    }

    public CatalogOptions Options { get; }
    public DatabaseCatalog Catalog { get; }

    public static async Task<TestCatalog> CreateAsync(CatalogProvider provider)
    {
        var t = await CreateEmptyAsync(provider).ConfigureAwait(false);
        await t.Catalog.MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        await t.Catalog.EnsureCollectionAsync(Collection, "test", CancellationToken.None).ConfigureAwait(false);
        await t.Catalog.EnsureSiteAsync(Site, "Test site", CancellationToken.None).ConfigureAwait(false);
        return t;
    }

    /// <summary>An empty database, not migrated.</summary>
    public static async Task<TestCatalog> CreateEmptyAsync(CatalogProvider provider)
    {
        TestCatalog t;
        if (provider == CatalogProvider.Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), "ricord-catalog-" + Guid.NewGuid().ToString("N"));
            t = new TestCatalog(new CatalogOptions { Provider = provider, DataDirectory = dir }, dir, null);
        }
        else
        {
            var (name, cs) = await TestPostgres.CreateDatabaseAsync("ricord_test").ConfigureAwait(false);
            t = new TestCatalog(new CatalogOptions { Provider = provider, ConnectionString = cs }, null, name);
        }

        return t;
    }

    public CatalogDbContext Db() => CatalogDbContextFactory.Create(Options);

    public async ValueTask DisposeAsync()
    {
        if (_sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteDirectory, recursive: true);
        }

        if (_postgresDatabase is not null)
        {
            await TestPostgres.DropDatabaseAsync(_postgresDatabase).ConfigureAwait(false);
        }
    }

    /// <summary>A valid instance record; vary what a test needs with <c>with</c>.</summary>
    public static InstanceRecord Instance(string sop, string study = "1.2.3.1", string series = "1.2.3.1.1",
        string patient = "RICORD-1A-419639-000001", string modality = "CT") => new()
        {
            Collection = Collection,
            SiteCode = Site,
            PatientId = patient,
            PatientSex = "F",
            PatientAge = "045Y",
            StudyInstanceUid = study,
            StudyDate = new DateOnly(2020, 4, 1),
            StudyTime = "101500",
            AccessionNumber = "ACC" + study.GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
            StudyDescription = "CT CHEST WITHOUT CONTRAST",
            SeriesInstanceUid = series,
            Modality = modality,
            SeriesNumber = 2,
            SeriesDescription = "Axial 1.25mm",
            BodyPartExamined = "CHEST",
            SopInstanceUid = sop,
            SopClassUid = "1.2.840.10008.5.1.4.1.1.2",
            InstanceNumber = 1,
            TransferSyntaxUid = "1.2.840.10008.1.2.1",
            BlobKey = "instances/" + Hash(sop),
            Size = 1000,
            ContentHash = Hash(sop),
            Rows = 512,
            Columns = 512,
            NumberOfFrames = 1,
            ImagePositionZ = -100.5,
            SliceThickness = 1.25,
        };

    public static string Hash(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
