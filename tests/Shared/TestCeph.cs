namespace Ricord.Testing;

/// <summary>The throwaway Ceph RADOS Gateway (S3 API on loopback) that the test script starts with
/// tools/ceph-rgw.sh and names by RICORD_TEST_S3 = "endpoint;access key;secret key;region".</summary>
internal static class TestCeph
{
    public const string Variable = "RICORD_TEST_S3";

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool Configured => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 };

    /// <summary>The gateway's endpoint, keys and region; throws with what to set when the variable is missing or malformed.</summary>
    public static (string Endpoint, string AccessKey, string SecretKey, string Region) Require()
    {
        string value = Environment.GetEnvironmentVariable(Variable) ?? throw new InvalidOperationException(
            $"{Variable} is not set. CI must start a throwaway Ceph RADOS Gateway (tools/ceph-rgw.sh up DIR PORT) " +
            "and set it to 'http://127.0.0.1:PORT;ACCESS_KEY;SECRET_KEY;us-east-1'.");
        string[] parts = value.Split(';');
        if (parts.Length != 4 || parts.Any(p => p.Length == 0))
        {
            throw new InvalidOperationException($"{Variable} must have four parts 'endpoint;access key;secret key;region', got {parts.Length}.");
        }

        return (parts[0], parts[1], parts[2], parts[3]);
    }
}

/// <summary>A test that needs the Ceph RADOS Gateway: skipped with a reason on a developer machine without
/// RICORD_TEST_S3, but run (and failing) in CI, where the gateway must be there.</summary>
public sealed class CephFactAttribute : FactAttribute
{
    public CephFactAttribute()
    {
        if (!TestCeph.Configured && !TestCeph.InCi)
        {
            Skip = $"{TestCeph.Variable} is not set (a throwaway Ceph RADOS Gateway; CI always sets it).";
        }
    }
}
