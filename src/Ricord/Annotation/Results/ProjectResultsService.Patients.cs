using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;

namespace Ricord.Annotation.Results;

public sealed partial class ProjectResultsService
{
    private const int PatientQueryChunk = 500;

    /// <summary>StudyInstanceUID → the study's PatientID in the catalog: the published one for a release imported as
    /// published, else the pseudonym (never an internal id), so results join back to the release by patient.</summary>
    private static async Task<Dictionary<string, string>> PatientsAsync(CatalogDbContext db, IEnumerable<ResultsStudy> studies, CancellationToken ct)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in studies.Select(st => st.Study.StudyId).Distinct().Chunk(PatientQueryChunk))
        {
            var rows = await db.Studies.AsNoTracking().Where(x => chunk.Contains(x.Id)).Select(x => new { x.StudyInstanceUid, x.Patient!.PseudonymousId })
                .ToListAsync(ct).ConfigureAwait(false);
            foreach (var row in rows)
            {
                result[row.StudyInstanceUid] = row.PseudonymousId;
            }
        }

        return result;
    }
}
