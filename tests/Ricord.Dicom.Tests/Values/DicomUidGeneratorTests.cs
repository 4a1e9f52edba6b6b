namespace Ricord.Dicom.Tests.Values;

public sealed class DicomUidGeneratorTests
{
    [Fact]
    public void Uuid_derived_uids_follow_PS3_5_B_2()
    {
        Assert.Equal("2.25.0", DicomUidGenerator.FromUuid(Guid.Empty));
        // PS3.5 B.2 example: f81d4fae-7dec-11d0-a765-00a0c91e6bf6
        Assert.Equal("2.25.329800735698586629295641978511506172918", DicomUidGenerator.FromUuid(Guid.Parse("f81d4fae-7dec-11d0-a765-00a0c91e6bf6")));
        var uids = Enumerable.Range(0, 1000).Select(_ => DicomUidGenerator.NewUuidDerived()).ToHashSet();
        Assert.Equal(1000, uids.Count);
        Assert.All(uids, u => Assert.True(DicomUidGenerator.IsValid(u), u));
    }

    [Fact]
    public void Uids_under_a_root_are_valid_and_distinct()
    {
        var uids = Enumerable.Range(0, 1000).Select(_ => DicomUidGenerator.NewUnderRoot("1.2.826.0.1.3680043.10.474")).ToHashSet();
        Assert.Equal(1000, uids.Count);
        Assert.All(uids, u => Assert.True(DicomUidGenerator.IsValid(u) && u.StartsWith("1.2.826.0.1.3680043.10.474.", StringComparison.Ordinal), u));
    }

    [Fact]
    public void Derived_uids_are_deterministic_per_key()
    {
        byte[] k1 = [1, 2, 3], k2 = [4, 5, 6];
        string a = DicomUidGenerator.Derive("1.2.3", "1.2.840.113619.2.55.3", k1);
        Assert.Equal(a, DicomUidGenerator.Derive("1.2.3", "1.2.840.113619.2.55.3", k1));
        Assert.NotEqual(a, DicomUidGenerator.Derive("1.2.3", "1.2.840.113619.2.55.3", k2));
        Assert.NotEqual(a, DicomUidGenerator.Derive("1.2.3", "1.2.840.113619.2.55.4", k1));
        Assert.True(DicomUidGenerator.IsValid(a) && a.Length <= 64, a);
    }

    [Theory]
    [InlineData("1.2.3", null)]
    [InlineData("", "is empty")]
    [InlineData("1..2", "has an empty component (component 2)")]
    [InlineData("1.02", "has a component with a leading zero (component 2)")]
    [InlineData("1.2a", "has a component that is not all digits (component 2)")]
    [InlineData("1.2.MRN7730041", "has a component that is not all digits (component 3)")]
    [InlineData("1.2345678901234567890123456789012345678901234567890123456789012345", "is 66 characters long (at most 64)")]
    public void Problems_are_named(string uid, string? problem) => Assert.Equal(problem, DicomUidGenerator.Problem(uid));
}
