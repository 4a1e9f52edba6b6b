using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Ricord.Catalog;

public sealed partial class DatabaseCatalog
{
    /// <summary>Brings the catalog up to this build's schema. A catalog with every migration applied costs one query,
    /// and an empty database is created from the embedded script (<see cref="CatalogSchema"/>), both without EF Core,
    /// whose service provider and model cost a process about half a second. Only a catalog that lacks some but not all
    /// migrations (made by an older build) goes through EF Core's <c>MigrateAsync</c>, which also takes its migration
    /// lock and checks for model changes without a migration (the catalog tests check that, <c>HasPendingModelChanges</c>).</summary>
    public async Task MigrateAsync(CancellationToken ct)
    {
        if (!await IsCurrentOrCreatedAsync(ct).ConfigureAwait(false))
        {
            await MigrateWithEfCoreAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Apart from <see cref="MigrateAsync"/>, whose compiled body must not name EF Core's types: the JIT
    /// would load EF Core's assemblies for it even when this path is not taken.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private async Task MigrateWithEfCoreAsync(CancellationToken ct)
    {
        var db = CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await db.Database.MigrateAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>True when every known migration is applied, or when this call created the catalog from nothing.</summary>
    private async Task<bool> IsCurrentOrCreatedAsync(CancellationToken ct)
    {
        var known = CatalogSchema.Migrations(Provider);
        var connection = await _connections.OpenAsync(ct).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var c = new CatalogConnection(connection, null);
            var applied = await CatalogSchema.AppliedAsync(c, Provider, ct).ConfigureAwait(false);
            if (known.Count > 0 && known.All(applied.Contains))
            {
                return true;
            }

            if (applied.Count > 0 || !await CatalogSchema.IsEmptyAsync(c, Provider, ct).ConfigureAwait(false))
            {
                return false;
            }

            if (await CatalogSchema.CreateAsync(connection, Provider, ct).ConfigureAwait(false))
            {
                return true;
            }

            // Another process created it meanwhile; usually from this very script.
            applied = await CatalogSchema.AppliedAsync(c, Provider, ct).ConfigureAwait(false);
            return known.All(applied.Contains);
        }
    }
}
