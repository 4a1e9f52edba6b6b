namespace Ricord.Deid;

/// <summary>Where de-identified data goes: the collection and site codes that make pseudonyms, and the link table.</summary>
public sealed class DeidContext
{
    public DeidContext(ILinkTable linkTable, string collection, string site)
    {
        ArgumentNullException.ThrowIfNull(linkTable);
        LinkTableRules.ValidateCode(collection, "collection");
        LinkTableRules.ValidateCode(site, "site");
        LinkTable = linkTable;
        Collection = collection;
        Site = site;
    }

    public ILinkTable LinkTable { get; }

    /// <summary>E.g. "RICORD-1A".</summary>
    public string Collection { get; }

    /// <summary>E.g. "419639".</summary>
    public string Site { get; }

    public override string ToString() => $"DeidContext ({Collection}, {Site})";
}
