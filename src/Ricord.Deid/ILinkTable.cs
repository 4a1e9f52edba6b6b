namespace Ricord.Deid;

/// <summary>
/// The secret link table: original PatientID → pseudonym and date offset, and the key for UID
/// remapping. It lives apart from the catalog, is never exported and never logged; implementations
/// keep original identifiers out of every ToString and exception message.
/// </summary>
public interface ILinkTable : IDisposable
{
    /// <summary>
    /// The patient's pseudonym "&lt;COLLECTION&gt;-&lt;SITE&gt;-&lt;NNNNNN&gt;" (numbered per collection and site,
    /// from 000001, stable once given) and constant date offset (drawn from the key within
    /// <paramref name="dateShift"/> when the patient is first seen, fixed afterwards).
    /// </summary>
    PatientLink GetOrCreatePatient(string collection, string site, string originalPatientId, DateShiftRange dateShift);

    /// <summary>
    /// Makes sure every patient of <paramref name="originalPatientIds"/> is linked, as <see cref="GetOrCreatePatient"/>
    /// would one by one (new patients numbered in the order given); a table that persists links commits them together,
    /// durably, before it returns. IDs that cannot be linked are left out: <see cref="GetOrCreatePatient"/> says why.
    /// </summary>
    void GetOrCreatePatients(string collection, string site, IReadOnlyList<string> originalPatientIds, DateShiftRange dateShift)
    {
        ArgumentNullException.ThrowIfNull(originalPatientIds);
        foreach (var id in originalPatientIds)
        {
            try
            {
                GetOrCreatePatient(collection, site, id, dateShift);
            }
            catch (DeidentificationException)
            {
                // Left for the instance's own de-identification to report.
            }
        }
    }

    /// <summary>
    /// The links an original PatientID already has at <paramref name="site"/>, in every collection or only in
    /// <paramref name="collection"/>; never creates one (clinical data may only join patients the images made known).
    /// </summary>
    IReadOnlyList<(string Collection, PatientLink Link)> FindPatient(string site, string originalPatientId, string? collection = null);

    /// <summary>The secret 32-byte key, created once with the table.</summary>
    byte[] GetKey();

    /// <summary>The pseudonym alone (a new patient gets an offset from the default range).</summary>
    string GetOrCreatePseudonym(string collection, string site, string originalPatientId);

    /// <summary>The date offset alone (a new patient gets an offset from the default range).</summary>
    int GetDateOffsetDays(string collection, string site, string originalPatientId);
}
