namespace Ricord.Synth;

/// <summary>Progress of the pixel pass: instances written so far out of the planned total.</summary>
public readonly record struct SynthProgress(long Written, long Total, long Bytes);
