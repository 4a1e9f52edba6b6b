namespace Ricord.Synth;

/// <summary>How one radiograph is stored: modality, size, bit depth, photometric interpretation, border.</summary>
internal sealed record XrParameters(bool IsCr, int Size, int BitsStored, bool Monochrome1, int Border, bool BorderWhite, string ViewPosition, double PixelSpacing);
