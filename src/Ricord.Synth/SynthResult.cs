namespace Ricord.Synth;

/// <summary>What a run wrote: DICOM instances and their bytes, and how long it took.</summary>
public sealed record SynthResult(long Instances, long Bytes, TimeSpan Elapsed)
{
    public double InstancesPerSecond => Instances / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public double MegabytesPerSecond => Bytes / 1e6 / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
