using Ricord.Deid;

namespace Ricord.Release;

/// <summary>
/// The original patient identifiers in a link table file (DATA/secrets/link.db), for the release scan only: they are
/// compared with release bytes and never printed. The table's own code reads them (<see cref="SqliteLinkTable.ReadOriginalPatientIds"/>).
/// </summary>
public static class LinkTableIdentifiers
{
    public static IReadOnlyList<string> Read(string linkTablePath) => File.Exists(linkTablePath)
        ? SqliteLinkTable.ReadOriginalPatientIds(linkTablePath)
        : throw new ReleaseException("the data directory has no link table (secrets/link.db)");
}
