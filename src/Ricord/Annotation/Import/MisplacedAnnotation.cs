namespace Ricord.Annotation.Import;

/// <summary>An INSTANCE annotation whose image exists but has no slice to land on (left out of the volume, or in another series than the annotation says).</summary>
public sealed record MisplacedAnnotation(string AnnotationId, string SopInstanceUid, string Reason);
