namespace Ricord.Catalog;

/// <summary>A search that cannot run as asked (a page token that no page gave, say): the caller's input is wrong, not
/// the catalog, so a CLI reports a usage error and a web API a 400.</summary>
public sealed class CatalogQueryException : ArgumentException
{
    public CatalogQueryException()
    {
    }

    public CatalogQueryException(string message)
        : base(message)
    {
    }

    public CatalogQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
