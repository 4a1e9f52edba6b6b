namespace Ricord.Tests.Synth;

/// <summary>All synth test classes share one generated dataset.</summary>
[CollectionDefinition(Name)]
public sealed class SynthCollection : ICollectionFixture<SynthFixture>
{
    public const string Name = "synth";
}
