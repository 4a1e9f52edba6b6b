using Ricord.Synth;

namespace Ricord.Tests.Synth;

[Collection(SynthCollection.Name)]
public sealed class SynthDeterminismTests(SynthFixture fixture)
{
    [Fact]
    public async Task Same_seed_gives_byte_identical_files()
    {
        string again = Path.Combine(fixture.Root, "same-seed");
        await new SynthGenerator(SynthFixture.Options).RunAsync(again);
        var a = Files(fixture.Out);
        var b = Files(again);
        Assert.Equal(a, b);
        foreach (var f in a)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(fixture.Out, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(again, f))), $"{f} differs between two runs with the same seed");
        }
    }

    [Fact]
    public async Task Different_seed_gives_different_data()
    {
        var tiny = new SynthOptions { Seed = 42, CtPatients = 1, CxrPatients = 2, Slices = 8, CxrSize = 64 };
        string a = Path.Combine(fixture.Root, "seed-42"), b = Path.Combine(fixture.Root, "seed-43");
        await new SynthGenerator(tiny).RunAsync(a);
        await new SynthGenerator(new SynthOptions { Seed = 43, CtPatients = 1, CxrPatients = 2, Slices = 8, CxrSize = 64 }).RunAsync(b);
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(a, "truth", "truth.json")), File.ReadAllBytes(Path.Combine(b, "truth", "truth.json")));
        Assert.NotEqual(Files(a), Files(b));
    }

    [Fact]
    public async Task Parallelism_does_not_change_the_output()
    {
        var one = new SynthOptions { Seed = 5, CtPatients = 1, CxrPatients = 3, Slices = 8, CxrSize = 64, MaxParallelism = 1 };
        string a = Path.Combine(fixture.Root, "p1"), b = Path.Combine(fixture.Root, "p4");
        await new SynthGenerator(one).RunAsync(a);
        await new SynthGenerator(new SynthOptions { Seed = 5, CtPatients = 1, CxrPatients = 3, Slices = 8, CxrSize = 64, MaxParallelism = 4 }).RunAsync(b);
        foreach (var f in Files(a))
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, f)), File.ReadAllBytes(Path.Combine(b, f)));
        }
    }

    private static List<string> Files(string dir) =>
        [.. Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Select(f => SynthTestSupport.Relative(dir, f)).Order(StringComparer.Ordinal)];
}
