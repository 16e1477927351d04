using System.Globalization;
using System.Security.Claims;
using SupportLens.Analytics.Accounts;

namespace SupportLens.Web.Auth;

/// <summary>The claims a signed-in user or a token carries, and the principal built from them.</summary>
internal static class SupportLensClaims
{
    /// <summary>The user's security stamp when the cookie was issued; a changed stamp ends the cookie.</summary>
    internal const string Stamp = "supportlens:stamp";

    /// <summary>The API token's id, for a request authenticated by token.</summary>
    internal const string TokenId = "supportlens:token";

    internal static ClaimsPrincipal Principal(UserAccount user, string scheme, long? tokenId = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.Name),
            new(ClaimTypes.Role, user.Role),
            new(Stamp, user.SecurityStamp),
        };
        if (tokenId is { } id)
        {
            claims.Add(new Claim(TokenId, id.ToString(CultureInfo.InvariantCulture)));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
