namespace Ricord.Cli.Tests.Release;

/// <summary>The release tests share one pipeline (synth → ingest → reads → two builds).</summary>
[CollectionDefinition(Name)]
public sealed class ReleaseCollection : ICollectionFixture<ReleasePipeline>
{
    public const string Name = "release pipeline";
}
