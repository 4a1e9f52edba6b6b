namespace Ricord.Catalog;

/// <summary>A contributing institution, e.g. code "419639".</summary>
public sealed class Site
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Contact { get; set; }
}
