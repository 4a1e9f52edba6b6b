namespace Ricord.Annotation.Mdai;

/// <summary>Names and stamps for an export built from reads (<see cref="MdaiExportBuilder"/>).</summary>
public sealed class MdaiExportOptions
{
    public static MdaiExportOptions Default { get; } = new();

    public string ProjectName { get; init; } = "Ricord export";

    public string DatasetName { get; init; } = "Ricord";

    /// <summary>The group name adjudication reads are written under.</summary>
    public string AdjudicationGroup { get; init; } = "Adjudication";

    /// <summary>createdAt / updatedAt of every annotation (ISO-8601 UTC); fixed so the same reads give the same bytes.</summary>
    public string Timestamp { get; init; } = "2000-01-01T00:00:00.000Z";
}
