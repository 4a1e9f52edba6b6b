using Ricord.Synth;

namespace Ricord.Tests.Synth;

/// <summary>Generates one small messy dataset (and a second run with the same seed) shared by the synth tests.</summary>
public sealed class SynthFixture : IDisposable
{
    public static readonly SynthOptions Options = new() { Seed = 42, CtPatients = 2, CxrPatients = 20, Slices = 24, CxrSize = 256, Messy = true };

    public SynthFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "ricord-synth-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8]);
        Out = Path.Combine(Root, "a");
        Result = new SynthGenerator(Options).RunAsync(Out).GetAwaiter().GetResult();
    }

    public string Root { get; }

    public string Out { get; }

    public SynthResult Result { get; }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("RICORD_KEEP_SYNTH") is null)
        {
            Directory.Delete(Root, true);
        }
    }
}
