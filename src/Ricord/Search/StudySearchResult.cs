using Ricord.Catalog;

namespace Ricord.Search;

/// <summary>One page of studies, or why the search could not run: <see cref="Field"/> names the input at fault
/// (<c>dates</c>, <c>after</c>) and <see cref="Problem"/> says what is wrong with it.</summary>
public sealed record StudySearchResult(CatalogPage<StudyResult>? Page, string? Field = null, string? Problem = null);
