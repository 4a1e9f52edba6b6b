namespace Ricord.Ingest;

/// <summary>What became of one input item.</summary>
public enum IngestOutcome
{
    /// <summary>De-identified, stored and indexed.</summary>
    Accepted,

    /// <summary>Already in the collection with the same content: nothing added.</summary>
    Duplicate,

    /// <summary>An instance with the same UID but different content is already in the collection: reported, nothing changed.</summary>
    Changed,

    /// <summary>Held back with a reason; see <c>ricord quarantine</c>.</summary>
    Quarantined,
}
