namespace Ricord.Catalog;

/// <summary>One page of a keyset-paged search; pass <see cref="Next"/> as the next query's After (null: last page).</summary>
public sealed record CatalogPage<T>(IReadOnlyList<T> Items, string? Next);
