using Microsoft.EntityFrameworkCore;

namespace Ricord.Catalog;

/// <summary>The catalog's one current model. Each provider has a subclass that owns its migration set
/// (<see cref="SqliteCatalogDbContext"/>, <see cref="PostgresCatalogDbContext"/>); create them with
/// <see cref="CatalogDbContextFactory"/>.</summary>
public abstract partial class CatalogDbContext : DbContext
{
    protected CatalogDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public abstract CatalogProvider Provider { get; }

    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Collection> Collections => Set<Collection>();
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<Study> Studies => Set<Study>();
    public DbSet<Series> Series => Set<Series>();
    public DbSet<Instance> Instances => Set<Instance>();
    public DbSet<DeidProfileRecord> DeidProfiles => Set<DeidProfileRecord>();
    public DbSet<ClinicalRecord> ClinicalRecords => Set<ClinicalRecord>();
    public DbSet<QuarantineEntry> QuarantineEntries => Set<QuarantineEntry>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<BlobIntent> BlobIntents => Set<BlobIntent>();
    public DbSet<Job> Jobs => Set<Job>();
}
