using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ricord.Catalog;

namespace Ricord.Clinical;

/// <summary>Stored clinical records by pseudonymous patient, source file and line (<c>ricord clinical list|show</c>);
/// everything stored is de-identified already.</summary>
public sealed partial class ClinicalListingService
{
    private readonly DatabaseCatalog _catalog;
    private readonly ILogger _log;

    public ClinicalListingService(DatabaseCatalog contexts, ILogger<ClinicalListingService> log)
    {
        _catalog = contexts;
        _log = log;
    }

    public async Task<IReadOnlyList<ClinicalRecordEntry>> ListAsync(Actor actor, ClinicalListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        var (site, collection, patient) = (query.Site, query.Collection, query.Patient);
        var db = _catalog.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var rows = from r in db.ClinicalRecords.AsNoTracking()
                       join p in db.Patients on r.PatientId equals p.Id
                       join c in db.Collections on p.CollectionId equals c.Id
                       join s in db.Sites on p.SiteId equals s.Id
                       where (site == null || s.Code == site) && (collection == null || c.Name == collection) && (patient == null || p.PseudonymousId == patient)
                       orderby p.PseudonymousId, r.SourceFile, r.Line
                       select new ClinicalRecordEntry(p.PseudonymousId, c.Name, s.Code, r.SourceFile, r.Line, r.Values);
            var list = await rows.Take(Math.Max(1, query.Limit)).ToListAsync(ct).ConfigureAwait(false);
            LogListed(_log, list.Count);
            return list;
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Listed {Count} clinical records")]
    private static partial void LogListed(ILogger logger, int count);
}
