namespace Ricord.Synth;

/// <summary>What <see cref="SynthGenerator"/> makes. The same options (seed included) give the same bytes.</summary>
public sealed class SynthOptions
{
    public ulong Seed { get; init; } = 1;

    /// <summary>How many of the four built-in sites take part (1–4).</summary>
    public int Sites { get; init; } = 4;

    public int CtPatients { get; init; } = 4;

    public int CxrPatients { get; init; } = 20;

    /// <summary>Slices in each axial CT series.</summary>
    public int Slices { get; init; } = 64;

    /// <summary>Rows and columns of the radiographs.</summary>
    public int CxrSize { get; init; } = 1024;

    /// <summary>Plant the six defects of real exports (duplicate, missing slice, uneven spacing, truncated file, non-DICOM file, wrong StudyInstanceUID).</summary>
    public bool Messy { get; init; }

    /// <summary>Probability that a simulated reader reports the true class; CT readers' polygon accuracy.</summary>
    public double ReaderAccuracy { get; init; } = 0.8;

    /// <summary>Instances generated at once; defaults to the processor count.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    public void Validate()
    {
        if (Sites is < 1 or > 4)
        {
            throw new ArgumentException("--sites must be between 1 and 4");
        }

        if (CtPatients < 0 || CxrPatients < 0)
        {
            throw new ArgumentException("patient counts must not be negative");
        }

        if (Slices is < 8 or > 2000)
        {
            throw new ArgumentException("--slices must be between 8 and 2000");
        }

        if (CxrSize is < 64 or > 4096)
        {
            throw new ArgumentException("--cxr-size must be between 64 and 4096");
        }

        if (ReaderAccuracy is < 0 or > 1)
        {
            throw new ArgumentException("--reader-accuracy must be between 0 and 1");
        }
    }
}
