using Microsoft.Extensions.Logging;
using Ricord.Catalog;

namespace Ricord.Search;

/// <summary>Searching the catalog's studies (<c>ricord query</c>), newest first with keyset paging: the filters as
/// people type them are read here, once for every host.</summary>
public sealed partial class StudySearchService(DatabaseCatalog catalog, ILogger<StudySearchService> log)
{
    public async Task<StudySearchResult> SearchAsync(Actor actor, StudySearch search, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(search);
        var range = search.Dates is { } d ? StudyDates.Parse(d) : null;
        if (search.Dates is not null && range is null)
        {
            return new StudySearchResult(null, "dates", $"'{search.Dates}' is not a date or range (YYYYMMDD[-YYYYMMDD] or YYYY-MM-DD[..YYYY-MM-DD])");
        }

        try
        {
            var page = await catalog.SearchStudiesAsync(new StudyQuery
            {
                Collection = search.Collection, SiteCode = search.SiteCode, PatientId = search.PatientId,
                StudyDateFrom = range?.From, StudyDateTo = range?.To, Modality = search.Modality,
                AccessionNumber = search.AccessionNumber, StudyDescription = search.StudyDescription,
                Limit = search.Limit, After = search.After,
            }, ct).ConfigureAwait(false);
            LogSearched(log, page.Items.Count, page.Next is not null);
            return new StudySearchResult(page);
        }
        catch (CatalogQueryException ex)
        {
            return new StudySearchResult(null, "after", ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Study search returned {Count} studies (more: {More})")]
    private static partial void LogSearched(ILogger logger, int count, bool more);
}
