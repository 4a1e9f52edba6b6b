namespace Ricord.Annotation.Mdai;

/// <summary>Who "a reader" is in an MD.ai export.</summary>
public enum MdaiReaderKey
{
    /// <summary>The label group's name: one group per reader, as RICORD-1C's export.</summary>
    ByGroup,

    /// <summary>The annotation's <c>createdById</c> (<c>U_…</c>): one user per reader whatever the group.</summary>
    ByCreator,
}
