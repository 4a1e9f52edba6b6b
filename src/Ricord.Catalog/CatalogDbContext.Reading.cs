using Microsoft.EntityFrameworkCore;

namespace Ricord.Catalog;

/// <summary>Reading projects, reads and stored label schemas (the reading workflow: Annotation/ in the domain).</summary>
public abstract partial class CatalogDbContext
{
    public DbSet<LabelSchemaRecord> LabelSchemas => Set<LabelSchemaRecord>();
    public DbSet<ReadingUser> ReadingUsers => Set<ReadingUser>();
    public DbSet<ReadingProject> ReadingProjects => Set<ReadingProject>();
    public DbSet<ProjectMember> ProjectMembers => Set<ProjectMember>();
    public DbSet<ProjectStudy> ProjectStudies => Set<ProjectStudy>();
    public DbSet<Read> Reads => Set<Read>();
    public DbSet<ReadVersion> ReadVersions => Set<ReadVersion>();
    public DbSet<ReadPayload> ReadPayloads => Set<ReadPayload>();

    private static void ConfigureReading(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LabelSchemaRecord>(e =>
        {
            e.ToTable("LabelSchemas");
            e.Property(x => x.Name).HasMaxLength(128);
            e.Property(x => x.JsonHash).HasMaxLength(64).IsFixedLength();
            e.Property(x => x.ImportedBy).HasMaxLength(128);
            e.HasIndex(x => new { x.Name, x.Version }).IsUnique();
        });

        modelBuilder.Entity<ReadingUser>(e =>
        {
            e.ToTable("ReadingUsers");
            e.Property(x => x.Name).HasMaxLength(128);
            e.HasIndex(x => x.Name).IsUnique();
        });

        modelBuilder.Entity<ReadingProject>(e =>
        {
            e.ToTable("ReadingProjects");
            e.Property(x => x.Name).HasMaxLength(128);
            e.Property(x => x.SchemaName).HasMaxLength(128);
            e.Property(x => x.Trigger).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Modalities).HasMaxLength(256);
            e.Property(x => x.CreatedBy).HasMaxLength(128);
            e.HasOne<Collection>().WithMany().HasForeignKey(x => x.CollectionId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.Name).IsUnique();
        });

        modelBuilder.Entity<ProjectMember>(e =>
        {
            e.ToTable("ProjectMembers");
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
            e.HasOne<ReadingProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ReadingUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.ProjectId, x.UserId, x.Role }).IsUnique();
        });

        modelBuilder.Entity<ProjectStudy>(e =>
        {
            e.ToTable("ProjectStudies");
            e.Property(x => x.StudyInstanceUid).HasMaxLength(64);
            e.HasOne<ReadingProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Study>().WithMany().HasForeignKey(x => x.StudyId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.ProjectId, x.StudyId }).IsUnique();
            e.HasIndex(x => new { x.ProjectId, x.StudyInstanceUid });
        });

        modelBuilder.Entity<Read>(e =>
        {
            e.ToTable("Reads");
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.ShapesHash).HasMaxLength(64).IsFixedLength();
            e.HasOne<ReadingProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Study>().WithMany().HasForeignKey(x => x.StudyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ReadingUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.ProjectId, x.StudyId, x.UserId, x.Role }).IsUnique();
            e.HasIndex(x => new { x.ProjectId, x.UserId, x.State });
            e.HasIndex(x => new { x.ProjectId, x.Role, x.State });
        });

        modelBuilder.Entity<ReadVersion>(e =>
        {
            e.ToTable("ReadVersions");
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.ShapesHash).HasMaxLength(64).IsFixedLength();
            e.Property(x => x.SavedBy).HasMaxLength(128);
            e.HasOne<Read>().WithMany().HasForeignKey(x => x.ReadId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ReadId, x.Version }).IsUnique();
        });

        modelBuilder.Entity<ReadPayload>(e =>
        {
            e.ToTable("ReadPayloads");
            e.HasKey(x => x.Hash);
            e.Property(x => x.Hash).HasMaxLength(64).IsFixedLength();
        });
    }
}
