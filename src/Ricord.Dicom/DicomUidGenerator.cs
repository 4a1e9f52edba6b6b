using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Ricord.Dicom;

/// <summary>UID generation and validation (PS3.5 9, B.2).</summary>
public static class DicomUidGenerator
{
    /// <summary>A new UID of the form 2.25.&lt;UUID as a decimal integer&gt; (PS3.5 B.2).</summary>
    public static string NewUuidDerived() => FromUuid(Guid.NewGuid());

    public static string FromUuid(Guid uuid)
    {
        Span<byte> bytes = stackalloc byte[16];
        uuid.TryWriteBytes(bytes, bigEndian: true, out _);
        return "2.25." + new BigInteger(bytes, isUnsigned: true, isBigEndian: true).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A new random UID under <paramref name="root"/>, filled up to 64 characters with random digits.</summary>
    public static string NewUnderRoot(string root)
    {
        Validate(root, nameof(root));
        int room = 64 - root.Length - 1;
        if (room < 10)
        {
            throw new ArgumentException($"UID root '{root}' is too long to leave room for a unique suffix", nameof(root));
        }

        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        string digits = new BigInteger(random, isUnsigned: true).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{root}.{digits[..Math.Min(digits.Length, room)]}";
    }

    /// <summary>
    /// A deterministic UID under <paramref name="root"/> for <paramref name="input"/>, keyed by <paramref name="key"/>
    /// (HMAC-SHA256): the same input gives the same UID, and without the key nobody can map it back.
    /// </summary>
    public static string Derive(string root, string input, ReadOnlySpan<byte> key)
    {
        Validate(root, nameof(root));
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(input), mac);
        string digits = new BigInteger(mac[..20], isUnsigned: true).ToString(System.Globalization.CultureInfo.InvariantCulture);
        int room = 64 - root.Length - 1;
        string suffix = digits[..Math.Min(digits.Length, room)].TrimStart('0');
        return $"{root}.{(suffix.Length == 0 ? "0" : suffix)}";
    }

    /// <summary>True for a syntactically valid UID: digits and dots, components without leading zeros, at most 64 characters.</summary>
    public static bool IsValid(string? uid) => uid is not null && Problem(uid) is null;

    /// <summary>What is wrong with a UID, or null if nothing. The text names the component by position, never its
    /// value: a malformed UID may embed an identifier (some systems build UIDs from MRNs or accession numbers), and
    /// ingest stores this text in the catalog.</summary>
    public static string? Problem(string uid)
    {
        if (uid.Length == 0)
        {
            return "is empty";
        }

        if (uid.Length > 64)
        {
            return $"is {uid.Length} characters long (at most 64)";
        }

        var components = uid.Split('.');
        for (int i = 0; i < components.Length; i++)
        {
            var component = components[i];
            if (component.Length == 0)
            {
                return $"has an empty component (component {i + 1})";
            }

            if (!component.All(char.IsAsciiDigit))
            {
                return $"has a component that is not all digits (component {i + 1})";
            }

            if (component.Length > 1 && component[0] == '0')
            {
                return $"has a component with a leading zero (component {i + 1})";
            }
        }

        return null;
    }

    private static void Validate(string uid, string name)
    {
        if (Problem(uid) is { } p)
        {
            throw new ArgumentException($"UID '{uid}' {p}", name);
        }
    }
}
