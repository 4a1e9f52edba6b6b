namespace Ricord.Ingest;

/// <summary>The SOP classes a RICORD-like collection accepts (chest CT, radiographs, and secondary captures for review).</summary>
public static class SopClassPolicy
{
    public static IReadOnlySet<string> ChestImaging { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "1.2.840.10008.5.1.4.1.1.2",      // CT Image Storage
        "1.2.840.10008.5.1.4.1.1.2.1",    // Enhanced CT Image Storage
        "1.2.840.10008.5.1.4.1.1.1",      // Computed Radiography Image Storage
        "1.2.840.10008.5.1.4.1.1.1.1",    // Digital X-Ray Image Storage - For Presentation
        "1.2.840.10008.5.1.4.1.1.1.1.1",  // Digital X-Ray Image Storage - For Processing
        "1.2.840.10008.5.1.4.1.1.7",      // Secondary Capture Image Storage (always reviewed: burned-in text risk)
        "1.2.840.10008.5.1.4.1.1.66.4",   // Segmentation Storage
    };
}
