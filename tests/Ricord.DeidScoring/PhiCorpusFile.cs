using Ricord.Dicom;

namespace Ricord.DeidScoring;

/// <summary>One generated file: its name in the corpus folder, its index in <see cref="PlantedValue.File"/>, and its content.</summary>
public sealed record PhiCorpusFile(int Index, string Name, DicomFile File, string SopInstanceUid);
