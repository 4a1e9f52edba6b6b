namespace Ricord.DeidScoring;

/// <summary>The place classes the corpus plants into (the report groups results by them).</summary>
public static class Places
{
    public const string Table = "Table E.1-1 attribute";
    public const string TableDeep = "Table E.1-1 attribute at depth 3";
    public const string TableItem = "item of a Table E.1-1 sequence";
    public const string Control = "image attribute (keep)";
    public const string SafeCode = "code from a safe scheme (keep)";
    public const string UnsafeCode = "code sequence, local scheme";
    public const string Private = "private block";
    public const string SafePrivate = "private, allowlisted (keep)";
    public const string Group0016 = "group 0016 binary";
    public const string UnText = "UN holding text";
    public const string UnSequence = "UN holding a sequence";
    public const string FileMeta = "file meta (0002,xxxx)";
    public const string SrContent = "SR content";
    public const string StepComment = "comments in step sequences";
    public const string PersonIdentification = "X/D, D sequence: person identification";
    public const string OriginalAttributes = "original/modified/encrypted attributes";
    public const string Icon = "icon image";
    public const string OverlayCurve = "overlay, curve";
    public const string Signature = "digital signature";
    public const string Request = "request attributes, accession copies";
}
