namespace Ricord.Catalog;

/// <summary>A catalog operation that cannot proceed (unknown collection, bad cursor, bad configuration).</summary>
public sealed class CatalogException : Exception
{
    public CatalogException()
    {
    }

    public CatalogException(string message)
        : base(message)
    {
    }

    public CatalogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
