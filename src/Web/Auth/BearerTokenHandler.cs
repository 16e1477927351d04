using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SupportLens.Web.Auth;

/// <summary>
/// <c>Authorization: Bearer slt_...</c>: the token is hashed and looked up among the unrevoked ones. A request without the
/// header is not this handler's business; a wrong or revoked token fails.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserDirectory users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    internal const string Name = "Bearer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Name + " ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var token = header[(Name.Length + 1)..].Trim();
        if (users.FindByToken(token) is not { } found)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API token is unknown or revoked."));
        }
        var principal = SupportLensClaims.Principal(found.User, Name, found.TokenId);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
