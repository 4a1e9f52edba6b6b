namespace Ricord.Tests.Annotation.Import;

/// <summary>The import tests share one generated release.</summary>
[CollectionDefinition(Name)]
public sealed class ReleaseCollection : ICollectionFixture<ReleaseFixture>
{
    public const string Name = "release-import";
}
