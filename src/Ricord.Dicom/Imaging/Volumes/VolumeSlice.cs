namespace Ricord.Dicom.Imaging.Volumes;

/// <summary>One instance placed in a volume: its data set, Image Position (Patient) and position along the slice normal.</summary>
public sealed record VolumeSlice(DicomDataset Dataset, DicomTransferSyntax TransferSyntax, string SopInstanceUid, Vector3 Position, double Location);
