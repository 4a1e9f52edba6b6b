using System.Data.Common;

namespace Ricord.Catalog;

/// <summary>Where a <see cref="CatalogCommand"/> runs: an open connection and its transaction, if any.</summary>
internal readonly record struct CatalogConnection(DbConnection Connection, DbTransaction? Transaction);
