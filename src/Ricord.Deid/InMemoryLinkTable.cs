namespace Ricord.Deid;

/// <summary>A link table held in memory (tests, dry runs). Thread-safe.</summary>
public sealed class InMemoryLinkTable : ILinkTable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string, string, string), PatientLink> _patients = [];
    private readonly Dictionary<(string, string), long> _counters = [];
    private readonly byte[] _key;

    public InMemoryLinkTable(byte[]? key = null)
    {
        if (key is not null && key.Length != LinkTableRules.KeyLength)
        {
            throw new DeidentificationException($"A link table key is {LinkTableRules.KeyLength} bytes.");
        }

        _key = key ?? LinkTableRules.NewKey();
    }

    public PatientLink GetOrCreatePatient(string collection, string site, string originalPatientId, DateShiftRange dateShift)
    {
        LinkTableRules.ValidateCode(collection, "collection");
        LinkTableRules.ValidateCode(site, "site");
        LinkTableRules.ValidatePatientId(originalPatientId);
        lock (_lock)
        {
            if (_patients.TryGetValue((collection, site, originalPatientId), out var link))
            {
                return link;
            }

            long n = _counters.GetValueOrDefault((collection, site)) + 1;
            _counters[(collection, site)] = n;
            link = new PatientLink(
                LinkTableRules.Pseudonym(collection, site, n),
                LinkTableRules.DateOffset(_key, collection, site, originalPatientId, dateShift));
            _patients[(collection, site, originalPatientId)] = link;
            return link;
        }
    }

    public IReadOnlyList<(string Collection, PatientLink Link)> FindPatient(string site, string originalPatientId, string? collection = null)
    {
        lock (_lock)
        {
            return [.. _patients.Where(kv => kv.Key.Item2 == site && kv.Key.Item3 == originalPatientId && (collection is null || kv.Key.Item1 == collection))
                .OrderBy(kv => kv.Key.Item1, StringComparer.Ordinal).Select(kv => (kv.Key.Item1, kv.Value))];
        }
    }

    public string GetOrCreatePseudonym(string collection, string site, string originalPatientId) =>
        GetOrCreatePatient(collection, site, originalPatientId, DateShiftRange.Default).Pseudonym;

    public int GetDateOffsetDays(string collection, string site, string originalPatientId) =>
        GetOrCreatePatient(collection, site, originalPatientId, DateShiftRange.Default).DateOffsetDays;

    public byte[] GetKey() => (byte[])_key.Clone();

    public override string ToString() => $"InMemoryLinkTable ({_patients.Count} patients)";

    public void Dispose()
    {
    }
}
