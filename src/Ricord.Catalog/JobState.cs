namespace Ricord.Catalog;

/// <summary>Life cycle of a background job.</summary>
public enum JobState
{
    Pending,
    Running,
    Succeeded,
    Failed,
}
