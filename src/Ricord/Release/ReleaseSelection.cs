using Microsoft.EntityFrameworkCore;
using Ricord.Catalog;

namespace Ricord.Release;

/// <summary>What a spec selects from the catalog, in release order (patient pseudonym, then UIDs, ordinal).</summary>
internal sealed record ReleaseSelection(IReadOnlyList<ReleasePatient> Patients, IReadOnlyList<ReleaseStudy> Studies,
    IReadOnlyList<ReleaseSeries> Series, IReadOnlyList<ReleaseInstance> Instances, IReadOnlyList<(long CollectionId, string Name)> Collections,
    IReadOnlyList<(ReleasePatient Patient, string Values)> Clinical)
{
    /// <summary>The selection of <paramref name="spec"/>, less the withdrawn items (patient pseudonyms, Study or Series Instance UIDs) and everything under them.</summary>
    public static async Task<ReleaseSelection> LoadAsync(CatalogDbContext db, ReleaseSpec spec, IReadOnlySet<string> withdrawn, CancellationToken ct)
    {
        var names = spec.Collections.ToList();
        var collections = await db.Collections.AsNoTracking().Where(c => names.Contains(c.Name)).Select(c => new { c.Id, c.Name }).ToListAsync(ct).ConfigureAwait(false);
        if (names.Except(collections.Select(c => c.Name), StringComparer.Ordinal).FirstOrDefault() is { } missing)
        {
            throw new ReleaseException($"no collection named '{missing}' in the catalog");
        }

        var ids = collections.Select(c => c.Id).ToList();
        var siteCodes = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Code, ct).ConfigureAwait(false);
        var collectionNames = collections.ToDictionary(c => c.Id, c => c.Name);
        var patients = (await db.Patients.AsNoTracking().Where(p => ids.Contains(p.CollectionId)).ToListAsync(ct).ConfigureAwait(false))
            .Select(p => new ReleasePatient(p.Id, collectionNames[p.CollectionId], siteCodes[p.SiteId], p.PseudonymousId, p.Sex, p.Age))
            .Where(p => (spec.Sites.Count == 0 || spec.Sites.Contains(p.Site, StringComparer.Ordinal)) && !withdrawn.Contains(p.PatientId))
            .OrderBy(p => p.PatientId, StringComparer.Ordinal).ToList();
        var byPatient = patients.ToDictionary(p => p.Id);
        var studies = (await db.Studies.AsNoTracking().Where(s => ids.Contains(s.CollectionId)).ToListAsync(ct).ConfigureAwait(false))
            .Where(s => byPatient.ContainsKey(s.PatientId) && !withdrawn.Contains(s.StudyInstanceUid))
            .Select(s => new ReleaseStudy(s.Id, byPatient[s.PatientId], s.StudyInstanceUid, s.StudyDate, s.StudyDescription))
            .OrderBy(s => s.Patient.PatientId, StringComparer.Ordinal).ThenBy(s => s.StudyInstanceUid, StringComparer.Ordinal).ToList();
        if (spec.Query is { } saved)
        {
            var matching = (await StudyFilters.Apply(db, db.Studies.AsNoTracking().Where(s => ids.Contains(s.CollectionId)), saved.ToStudyQuery())
                .Select(s => s.Id).ToListAsync(ct).ConfigureAwait(false)).ToHashSet();
            studies = [.. studies.Where(s => matching.Contains(s.Id))];
        }

        var byStudy = studies.ToDictionary(s => s.Id);
        var series = (await db.Series.AsNoTracking().Where(s => ids.Contains(s.CollectionId)).ToListAsync(ct).ConfigureAwait(false))
            .Where(s => byStudy.ContainsKey(s.StudyId) && !withdrawn.Contains(s.SeriesInstanceUid) && (spec.Modalities.Count == 0 || spec.Modalities.Contains(s.Modality, StringComparer.OrdinalIgnoreCase)))
            .Select(s => new ReleaseSeries(s.Id, byStudy[s.StudyId], s.SeriesInstanceUid, s.Modality, s.SeriesNumber, s.SeriesDescription, s.BodyPartExamined))
            .OrderBy(s => s.Study.Patient.PatientId, StringComparer.Ordinal).ThenBy(s => s.Study.StudyInstanceUid, StringComparer.Ordinal)
            .ThenBy(s => s.SeriesInstanceUid, StringComparer.Ordinal).ToList();
        var bySeries = series.ToDictionary(s => s.Id);
        var instances = (await db.Instances.AsNoTracking().Where(i => ids.Contains(i.CollectionId)).ToListAsync(ct).ConfigureAwait(false))
            .Where(i => bySeries.ContainsKey(i.SeriesId))
            .Select(i => new ReleaseInstance(bySeries[i.SeriesId], i.SopInstanceUid, i.SopClassUid, i.InstanceNumber, i.TransferSyntaxUid, i.BlobKey, i.Size, i.Rows, i.Columns, i.DeidProfileId) { Layout = spec.DicomLayout })
            .OrderBy(i => i.Series.Study.Patient.PatientId, StringComparer.Ordinal).ThenBy(i => i.Series.Study.StudyInstanceUid, StringComparer.Ordinal)
            .ThenBy(i => i.Series.SeriesInstanceUid, StringComparer.Ordinal).ThenBy(i => i.SopInstanceUid, StringComparer.Ordinal).ToList();
        var trimmed = Trimmed(instances, series, studies, patients);
        var patientIds = trimmed.Patients.Select(p => p.Id).ToList();
        var clinical = (await db.ClinicalRecords.AsNoTracking().Where(r => patientIds.Contains(r.PatientId)).ToListAsync(ct).ConfigureAwait(false))
            .Select(r => (Patient: byPatient[r.PatientId], r.SourceFile, r.Line, r.Values))
            .OrderBy(r => r.Patient.PatientId, StringComparer.Ordinal).ThenBy(r => r.SourceFile, StringComparer.Ordinal).ThenBy(r => r.Line)
            .Select(r => (r.Patient, r.Values)).ToList();
        var profileIds = trimmed.Instances.Select(i => i.DeidProfileId).OfType<long>().Distinct().ToList();
        var profiles = await db.DeidProfiles.AsNoTracking().Where(p => profileIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Json, ct).ConfigureAwait(false);
        return trimmed with { Collections = [.. collections.Select(c => (c.Id, c.Name)).OrderBy(c => c.Name, StringComparer.Ordinal)], Clinical = clinical, Profiles = profiles };
    }

    /// <summary>The de-identification profiles (as ingest recorded them, JSON) of the selected instances, by id.</summary>
    public IReadOnlyDictionary<long, string> Profiles { get; init; } = new Dictionary<long, string>();

    /// <summary>This selection less every study not in <paramref name="studyUids"/> (and what is then left empty).</summary>
    public ReleaseSelection OnlyStudies(IReadOnlySet<string> studyUids)
    {
        var trimmed = Trimmed([.. Instances.Where(i => studyUids.Contains(i.Series.Study.StudyInstanceUid))], Series, Studies, Patients);
        var patients = trimmed.Patients.ToHashSet();
        return trimmed with { Collections = Collections, Clinical = [.. Clinical.Where(c => patients.Contains(c.Patient))], Profiles = Profiles };
    }

    /// <summary>Series, studies and patients that keep at least one of <paramref name="instances"/>, in the given order.</summary>
    private static ReleaseSelection Trimmed(List<ReleaseInstance> instances, IReadOnlyList<ReleaseSeries> series, IReadOnlyList<ReleaseStudy> studies, IReadOnlyList<ReleasePatient> patients)
    {
        var used = instances.Select(i => i.Series).ToHashSet();
        var usedStudies = used.Select(s => s.Study).ToHashSet();
        var usedPatients = usedStudies.Select(s => s.Patient).ToHashSet();
        return new ReleaseSelection([.. patients.Where(usedPatients.Contains)], [.. studies.Where(usedStudies.Contains)], [.. series.Where(used.Contains)], instances, [], []);
    }
}
