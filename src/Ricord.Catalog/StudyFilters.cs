using Microsoft.EntityFrameworkCore;

namespace Ricord.Catalog;

/// <summary>Study query attributes as index-friendly predicates: exact values as equality, "ABC*" as a range,
/// other wildcards as LIKE (PostgreSQL) or GLOB (SQLite, whose LIKE ignores case).</summary>
internal static class StudyFilters
{
    public static IQueryable<Study> Apply(CatalogDbContext db, IQueryable<Study> q, StudyQuery query)
    {
        var provider = db.Provider;
        if (query.PatientId is { Length: > 0 } pid)
        {
            // "PatientId IN (SELECT Id FROM Patients WHERE …)": the patient set is found first through its index,
            // then the studies through (PatientId, StudyDate, Id).
            var patients = MatchPatient(db.Patients, pid, provider).Select(p => p.Id);
            q = q.Where(s => patients.Contains(s.PatientId));
        }

        if (query.StudyDateFrom is { } from)
        {
            q = q.Where(s => s.StudyDate >= from);
        }

        if (query.StudyDateTo is { } to)
        {
            q = q.Where(s => s.StudyDate <= to);
        }

        if (query.Modality is { Length: > 0 } modality)
        {
            q = q.Where(s => s.Series.Any(x => x.Modality == modality));
        }

        if (query.AccessionNumber is { Length: > 0 } acc)
        {
            q = MatchAccession(q, acc, provider);
        }

        if (query.StudyDescription is { Length: > 0 } desc)
        {
            var pattern = DicomWildcard.ToLike(desc, contains: !DicomWildcard.HasWildcard(desc));
            q = provider == CatalogProvider.Postgres
                ? q.Where(s => EF.Functions.ILike(s.StudyDescription!, pattern, DicomWildcard.LikeEscape))
                : q.Where(s => EF.Functions.Like(s.StudyDescription, pattern, DicomWildcard.LikeEscape));
        }

        if (query.StudyInstanceUids is { Count: > 0 } uids)
        {
            var list = uids.ToList();
            q = q.Where(s => list.Contains(s.StudyInstanceUid));
        }

        return q;
    }

    private static IQueryable<Patient> MatchPatient(IQueryable<Patient> q, string pid, CatalogProvider provider)
    {
        if (!DicomWildcard.HasWildcard(pid))
        {
            return q.Where(s => s.PseudonymousId == pid);
        }

        if (DicomWildcard.IsPrefix(pid, out var prefix))
        {
            var upper = DicomWildcard.PrefixUpperBound(prefix);
            var like = DicomWildcard.ToLike(prefix, contains: false) + "%";
            q = q.Where(s => string.Compare(s.PseudonymousId, prefix) >= 0 && string.Compare(s.PseudonymousId, upper) < 0);
            return provider == CatalogProvider.Postgres
                ? q.Where(s => EF.Functions.Like(s.PseudonymousId, like, DicomWildcard.LikeEscape))
                : q;
        }

        if (provider == CatalogProvider.Postgres)
        {
            var like = DicomWildcard.ToLike(pid, contains: false);
            return q.Where(s => EF.Functions.Like(s.PseudonymousId, like, DicomWildcard.LikeEscape));
        }

        var glob = DicomWildcard.ToGlob(pid);
        return q.Where(s => EF.Functions.Glob(s.PseudonymousId, glob));
    }

    private static IQueryable<Study> MatchAccession(IQueryable<Study> q, string acc, CatalogProvider provider)
    {
        if (!DicomWildcard.HasWildcard(acc))
        {
            return q.Where(s => s.AccessionNumber == acc);
        }

        if (provider == CatalogProvider.Postgres)
        {
            var like = DicomWildcard.ToLike(acc, contains: false);
            return q.Where(s => EF.Functions.Like(s.AccessionNumber!, like, DicomWildcard.LikeEscape));
        }

        var glob = DicomWildcard.ToGlob(acc);
        return q.Where(s => EF.Functions.Glob(s.AccessionNumber!, glob));
    }
}
