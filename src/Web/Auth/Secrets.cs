using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace SupportLens.Web.Auth;

/// <summary>
/// Passwords and API tokens made up by SupportLens. These come from the operating system's cryptographic generator, not a
/// seeded one: a reproducible secret is no secret.
/// </summary>
internal static class Secrets
{
    /// <summary>What every API token starts with, so a leaked one is recognisable in logs and secret scanners.</summary>
    internal const string TokenPrefix = "slt_";

    /// <summary>How many characters of a token are kept in clear to tell tokens apart.</summary>
    internal const int ShownPrefixLength = 10;

    /// <summary>A new token: 256 random bits, base64url.</summary>
    internal static string NewToken() => TokenPrefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>A password for a user nobody chose one for: 120 random bits, base64url (20 characters).</summary>
    internal static string NewPassword() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(15));

    /// <summary>Lowercase hex SHA-256: how a token is stored and looked up.</summary>
    internal static string TokenHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A new security stamp (changes invalidate sign-in cookies).</summary>
    internal static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
