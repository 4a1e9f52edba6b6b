namespace Ricord.Annotation.Mdai;

/// <summary>A study of an MD.ai dataset (RICORD.md §6.3); <see cref="Number"/> is MD.ai's per-dataset study number.</summary>
public sealed record MdaiStudy(string StudyInstanceUid, int? Number);
