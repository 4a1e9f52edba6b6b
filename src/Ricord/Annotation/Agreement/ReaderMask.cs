namespace Ricord.Annotation.Agreement;

/// <summary>One reader's mask of one label on one study's series.</summary>
public sealed record ReaderMask(string Reader, MaskVolume Mask);
