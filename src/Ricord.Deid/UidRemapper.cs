using System.Collections.Concurrent;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Ricord.Dicom;

namespace Ricord.Deid;

/// <summary>
/// Keyed, deterministic UID replacement: the same original UID gives the same new UID in every
/// file, sequence and reference, and nobody without the key can map it back. Under the root "2.25"
/// the result is a UUID-derived UID (PS3.5 B.2) built from HMAC-SHA256 as a version-8 UUID; under
/// any other root it is <see cref="DicomUidGenerator.Derive"/>.
/// </summary>
internal sealed class UidRemapper(string root, byte[] key)
{
    private const string DicomRoot = "1.2.840.10008.";

    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);

    /// <summary>DICOM's own UIDs (SOP classes, transfer syntaxes, coding schemes) identify nobody: kept.</summary>
    public static bool IsWellKnown(string uid) => uid.StartsWith(DicomRoot, StringComparison.Ordinal);

    public string Remap(string uid)
    {
        uid = uid.Trim().TrimEnd('\0');
        if (uid.Length == 0 || IsWellKnown(uid))
        {
            return uid;
        }

        return _cache.GetOrAdd(uid, Derive);
    }

    private string Derive(string uid)
    {
        if (root != "2.25")
        {
            return DicomUidGenerator.Derive(root, uid, key);
        }

        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("uid\0" + uid), mac);
        var uuid = mac[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x80); // version 8 (RFC 9562, custom)
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80); // variant 10
        return "2.25." + new BigInteger(uuid, isUnsigned: true, isBigEndian: true).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
