namespace Ricord.Registry;

/// <summary>A collection as the registry lists it.</summary>
public sealed record CollectionEntry(long Id, string Name, string? Description);
