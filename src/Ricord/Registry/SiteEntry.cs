namespace Ricord.Registry;

/// <summary>A contributing site as the registry lists it.</summary>
public sealed record SiteEntry(long Id, string Code, string Name);
