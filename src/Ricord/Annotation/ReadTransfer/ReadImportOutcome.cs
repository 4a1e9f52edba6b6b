namespace Ricord.Annotation.Projects;

/// <summary>What importing one (study, reader) read did.</summary>
public enum ReadImportOutcome
{
    /// <summary>Saved and submitted (a new read, or an unstarted one).</summary>
    Imported,

    /// <summary>The stored submitted read has this content already; nothing written.</summary>
    Unchanged,

    /// <summary>The stored read differed; it was reopened and resubmitted with the imported content (replace mode).</summary>
    Replaced,

    /// <summary>The stored read differs and was left as it is.</summary>
    Conflict,

    /// <summary>The content does not pass the project's validation (the messages say why).</summary>
    Rejected,

    /// <summary>The study is not in the project.</summary>
    UnknownStudy,
}
