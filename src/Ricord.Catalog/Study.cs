namespace Ricord.Catalog;

/// <summary>A study; StudyInstanceUID is unique per collection.</summary>
public sealed class Study
{
    public long Id { get; set; }
    public long CollectionId { get; set; }
    public long SiteId { get; set; }
    public long PatientId { get; set; }
    public Patient? Patient { get; set; }
    public required string StudyInstanceUid { get; set; }

    /// <summary>StudyDate (shifted); <see cref="DateOnly.MinValue"/> when the file had none, so that
    /// keyset paging orders on a non-null column the same way on every provider.</summary>
    public DateOnly StudyDate { get; set; }

    /// <summary>StudyTime as the TM string it arrived in.</summary>
    public string? StudyTime { get; set; }

    /// <summary>AccessionNumber after de-identification.</summary>
    public string? AccessionNumber { get; set; }

    public string? StudyDescription { get; set; }

    /// <summary>Distinct series modalities joined with '\', maintained atomically on series insert.</summary>
    public string ModalitiesInStudy { get; set; } = "";

    public int NumberOfSeries { get; set; }
    public int NumberOfInstances { get; set; }
    public DateTime CreatedAt { get; set; }

    public List<Series> Series { get; set; } = [];
}
