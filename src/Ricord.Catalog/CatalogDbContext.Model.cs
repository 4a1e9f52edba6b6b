using Microsoft.EntityFrameworkCore;

namespace Ricord.Catalog;

public abstract partial class CatalogDbContext
{
    /// <summary>Table names are fixed here because the catalog's raw SQL (upserts, job claims) names them.</summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<Site>(e =>
        {
            e.ToTable("Sites");
            e.Property(x => x.Code).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(256);
            e.HasIndex(x => x.Code).IsUnique();
        });

        modelBuilder.Entity<Collection>(e =>
        {
            e.ToTable("Collections");
            e.Property(x => x.Name).HasMaxLength(64);
            e.HasIndex(x => x.Name).IsUnique();
        });

        modelBuilder.Entity<Patient>(e =>
        {
            e.ToTable("Patients");
            e.Property(x => x.PseudonymousId).HasMaxLength(64);
            e.Property(x => x.Sex).HasMaxLength(16);
            e.Property(x => x.Age).HasMaxLength(16);
            e.HasOne<Collection>().WithMany().HasForeignKey(x => x.CollectionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.CollectionId, x.PseudonymousId }).IsUnique();
            e.HasIndex(x => x.PseudonymousId);
            e.HasIndex(x => x.SiteId);
        });

        modelBuilder.Entity<Study>(e =>
        {
            e.ToTable("Studies");
            e.Property(x => x.StudyInstanceUid).HasMaxLength(64);
            e.Property(x => x.StudyTime).HasMaxLength(32);
            e.Property(x => x.AccessionNumber).HasMaxLength(64);
            e.Property(x => x.StudyDescription).HasMaxLength(256);
            e.Property(x => x.ModalitiesInStudy).HasMaxLength(256);
            e.HasOne(x => x.Patient).WithMany(x => x.Studies).HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Collection>().WithMany().HasForeignKey(x => x.CollectionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.CollectionId, x.StudyInstanceUid }).IsUnique();
            e.HasIndex(x => x.StudyInstanceUid);
            e.HasIndex(x => new { x.StudyDate, x.Id });
            e.HasIndex(x => new { x.CollectionId, x.StudyDate, x.Id });
            e.HasIndex(x => new { x.SiteId, x.StudyDate, x.Id });
            e.HasIndex(x => new { x.PatientId, x.StudyDate, x.Id });
            e.HasIndex(x => x.AccessionNumber);
        });

        modelBuilder.Entity<Series>(e =>
        {
            e.ToTable("Series");
            e.Property(x => x.SeriesInstanceUid).HasMaxLength(64);
            e.Property(x => x.Modality).HasMaxLength(16);
            e.Property(x => x.SeriesDescription).HasMaxLength(256);
            e.Property(x => x.BodyPartExamined).HasMaxLength(64);
            e.Property(x => x.MetadataBlobKey).HasMaxLength(256);
            e.HasOne(x => x.Study).WithMany(x => x.Series).HasForeignKey(x => x.StudyId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Collection>().WithMany().HasForeignKey(x => x.CollectionId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.CollectionId, x.SeriesInstanceUid }).IsUnique();
            e.HasIndex(x => x.SeriesInstanceUid);
            e.HasIndex(x => new { x.StudyId, x.Modality });
            e.HasIndex(x => new { x.Modality, x.StudyId });
        });

        modelBuilder.Entity<Instance>(e =>
        {
            e.ToTable("Instances");
            e.Property(x => x.SopInstanceUid).HasMaxLength(64);
            e.Property(x => x.SopClassUid).HasMaxLength(64);
            e.Property(x => x.TransferSyntaxUid).HasMaxLength(64);
            e.Property(x => x.BlobKey).HasMaxLength(256);
            e.Property(x => x.ContentHash).HasMaxLength(64).IsFixedLength();
            e.HasOne(x => x.Series).WithMany(x => x.Instances).HasForeignKey(x => x.SeriesId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Study>().WithMany().HasForeignKey(x => x.StudyId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Collection>().WithMany().HasForeignKey(x => x.CollectionId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.CollectionId, x.SopInstanceUid }).IsUnique();
            e.HasIndex(x => x.SopInstanceUid);
            e.HasIndex(x => new { x.SeriesId, x.Id });
            e.HasIndex(x => new { x.StudyId, x.Id });
            e.HasIndex(x => x.ContentHash);
            // DeidProfileId: no foreign key (profiles are never deleted); on SQLite adding one rebuilds the whole Instances table.
        });

        modelBuilder.Entity<DeidProfileRecord>(e =>
        {
            e.ToTable("DeidProfiles");
            e.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
            e.HasIndex(x => x.Sha256).IsUnique();
        });

        modelBuilder.Entity<ClinicalRecord>(e =>
        {
            e.ToTable("ClinicalRecords");
            e.Property(x => x.SourceFile).HasMaxLength(512);
            e.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.PatientId);
        });

        modelBuilder.Entity<QuarantineEntry>(e =>
        {
            e.ToTable("QuarantineEntries");
            e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.BlobKey).HasMaxLength(256);
            e.Property(x => x.ContentHash).HasMaxLength(64).IsFixedLength();
            e.HasOne<Collection>().WithMany().HasForeignKey(x => x.CollectionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.CollectionId, x.ReceivedAt });
            e.HasIndex(x => x.SiteId);
        });

        modelBuilder.Entity<BlobIntent>(e =>
        {
            e.ToTable("BlobIntents");
            e.Property(x => x.BlobKey).HasMaxLength(256);
            e.Property(x => x.ContentHash).HasMaxLength(64);
            e.Property(x => x.Host).HasMaxLength(256);
            e.HasIndex(x => x.BlobKey);
        });

        modelBuilder.Entity<AuditEvent>(e =>
        {
            e.ToTable("AuditEvents");
            e.Property(x => x.Actor).HasMaxLength(128);
            e.Property(x => x.Action).HasMaxLength(64);
            e.Property(x => x.Target).HasMaxLength(256);
            e.HasIndex(x => x.At);
            e.HasIndex(x => new { x.Actor, x.At });
        });

        modelBuilder.Entity<Job>(e =>
        {
            e.ToTable("Jobs");
            e.Property(x => x.Kind).HasMaxLength(64);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.ClaimedBy).HasMaxLength(128);
            e.HasIndex(x => new { x.State, x.Kind, x.Id });
        });

        ConfigureReading(modelBuilder);
    }
}
