using Microsoft.AspNetCore.Http.HttpResults;
using SupportLens.Analytics.Accounts;
using SupportLens.Web.Auth;

namespace SupportLens.Web.Apis;

/// <summary>A user as listed (never the password hash).</summary>
internal sealed record UserDocument(string Name, string Role, string? Email, IReadOnlyList<string> Clients, bool HasPassword, DateTimeOffset CreatedAt)
{
    internal static UserDocument Build(UserAccount u) => new(u.Name, u.Role, u.Email, u.Clients, u.PasswordHash is not null, u.CreatedAt);
}

internal sealed record UsersDocument(IReadOnlyList<UserDocument> Users);

/// <summary>A new user; without a password one is made up and answered once.</summary>
internal sealed record NewUserRequest(string Name, string Role, string? Email, string? Password, IReadOnlyList<string>? Clients);

internal sealed record NewUserDocument(UserDocument User, string? GeneratedPassword);

internal sealed record NewTokenRequest(string User);

/// <summary>The token itself is in this answer only: it is stored as a hash.</summary>
internal sealed record NewTokenDocument(long TokenId, string User, string Token, string Prefix);

internal sealed record TokensDocument(IReadOnlyList<ApiTokenInfo> Tokens);

/// <summary>Users and API tokens (admins; writes need an admin's token, or the users page).</summary>
internal static class UsersApi
{
    internal static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var users = routes.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        users.MapGet("", List).WithName("GetUsers").WithSummary("Every user with role, e-mail and clients.");
        users.MapPost("", Add).WithName("AddUser").WithSummary("Add a user.").RequireAuthorization(Policies.AdminToken);
        users.MapDelete("/{name}", Remove).WithName("RemoveUser").WithSummary("Remove a user and revoke their tokens.")
            .RequireAuthorization(Policies.AdminToken);

        var tokens = routes.MapGroup("/api/tokens").WithTags("Users").RequireAuthorization(Policies.Admin);
        tokens.MapGet("", Tokens).WithName("GetTokens").WithSummary("Every API token (prefix, user, created, revoked), never the secret.");
        tokens.MapPost("", CreateToken).WithName("CreateToken").WithSummary("Create an API token for a user; the answer is the only place it is shown.")
            .RequireAuthorization(Policies.AdminToken);
        tokens.MapDelete("/{tokenId:long}", Revoke).WithName("RevokeToken").WithSummary("Revoke an API token.")
            .RequireAuthorization(Policies.AdminToken);
        return routes;
    }

    internal static Ok<UsersDocument> List(UserDirectory directory) =>
        TypedResults.Ok(new UsersDocument([.. directory.Users().Select(UserDocument.Build)]));

    internal static Results<Created<NewUserDocument>, ValidationProblem> Add(NewUserRequest request, UserDirectory directory)
    {
        try
        {
            var (user, generated) = directory.Add(request.Name, request.Role, request.Email, request.Password, request.Clients ?? []);
            return TypedResults.Created($"/api/users/{Uri.EscapeDataString(user.Name)}", new NewUserDocument(UserDocument.Build(user), generated));
        }
        catch (AccountException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["user"] = [e.Message] });
        }
    }

    internal static Results<NoContent, NotFound, ValidationProblem> Remove(string name, UserDirectory directory, HttpContext context)
    {
        if (name == Viewer.NameOf(context.User))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["you cannot remove yourself"] });
        }
        return directory.Remove(name) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    internal static Ok<TokensDocument> Tokens(UserDirectory directory) => TypedResults.Ok(new TokensDocument(directory.Tokens()));

    internal static Results<Created<NewTokenDocument>, ValidationProblem> CreateToken(NewTokenRequest request, UserDirectory directory)
    {
        try
        {
            var issued = directory.CreateToken(request.User);
            return TypedResults.Created($"/api/tokens/{issued.TokenId}", new NewTokenDocument(issued.TokenId, issued.UserName, issued.Token, issued.Prefix));
        }
        catch (AccountException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["user"] = [e.Message] });
        }
    }

    internal static Results<NoContent, NotFound> Revoke(long tokenId, UserDirectory directory) =>
        directory.RevokeToken(tokenId) ? TypedResults.NoContent() : TypedResults.NotFound();
}
