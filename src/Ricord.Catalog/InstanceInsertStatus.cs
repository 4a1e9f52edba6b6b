namespace Ricord.Catalog;

/// <summary>Outcome of <see cref="ICatalog.AddInstanceAsync"/>.</summary>
public enum InstanceInsertStatus
{
    /// <summary>A new instance row was written.</summary>
    Inserted,

    /// <summary>The SOPInstanceUID was already indexed in the collection with the same content hash: nothing changed.</summary>
    AlreadyPresent,

    /// <summary>The UID is already indexed with different content, or its series/study belongs elsewhere: nothing changed.</summary>
    Conflict,
}
