namespace Ricord.Catalog;

/// <summary>Outcome of indexing one instance; <paramref name="InstanceId"/> is the existing row for
/// AlreadyPresent and Conflict on the SOP Instance UID, else 0 on other conflicts.</summary>
public sealed record InstanceInsertResult(InstanceInsertStatus Status, long InstanceId, string? Detail = null);
