using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ricord.Catalog;

namespace Ricord.Registry;

/// <summary>The registry of contributing sites and collections (<c>ricord sites|collections add|list</c>). Every
/// actor may read and extend it today; a host's roles narrow that here, once.</summary>
public sealed partial class RegistryService
{
    private readonly DatabaseCatalog _catalog;
    private readonly ILogger _log;

    public RegistryService(DatabaseCatalog catalog, ILogger<RegistryService> log)
    {
        _catalog = catalog;
        _log = log;
    }

    /// <summary>Registers a site (idempotent: an existing code keeps its id and name).</summary>
    public async Task<SiteEntry> AddSiteAsync(Actor actor, string code, string? name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        long id = await _catalog.EnsureSiteAsync(code, name ?? code, ct).ConfigureAwait(false);
        LogAdded(_log, "site", code);
        return new SiteEntry(id, code, name ?? code);
    }

    /// <summary>Registers a collection (idempotent: an existing name keeps its id and description).</summary>
    public async Task<CollectionEntry> AddCollectionAsync(Actor actor, string name, string? description, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        long id = await _catalog.EnsureCollectionAsync(name, description, ct).ConfigureAwait(false);
        LogAdded(_log, "collection", name);
        return new CollectionEntry(id, name, description);
    }

    /// <summary>Every site, by code.</summary>
    public async Task<IReadOnlyList<SiteEntry>> ListSitesAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var db = _catalog.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Code).Select(s => new SiteEntry(s.Id, s.Code, s.Name)).ToListAsync(ct).ConfigureAwait(false);
            LogListed(_log, sites.Count, "sites");
            return sites;
        }
    }

    /// <summary>Every collection, by name.</summary>
    public async Task<IReadOnlyList<CollectionEntry>> ListCollectionsAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var db = _catalog.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var collections = await db.Collections.AsNoTracking().OrderBy(c => c.Name)
                .Select(c => new CollectionEntry(c.Id, c.Name, c.Description)).ToListAsync(ct).ConfigureAwait(false);
            LogListed(_log, collections.Count, "collections");
            return collections;
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Registered {Kind} {Code}")]
    private static partial void LogAdded(ILogger logger, string kind, string code);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Listed {Count} {Kind}")]
    private static partial void LogListed(ILogger logger, int count, string kind);
}
