namespace SupportLens.Analytics.Accounts;

/// <summary>The roles a user can have (DESIGN.md §7); the database accepts only these names.</summary>
public static class UserRoles
{
    public const string Admin = "admin";
    public const string Executive = "executive";
    public const string SuccessManager = "success-manager";
    public const string Planner = "planner";

    public static IReadOnlyList<string> All { get; } = [Admin, Executive, SuccessManager, Planner];
}

/// <summary>
/// Someone who may open the dashboards and the API. <see cref="PasswordHash"/> is the hasher's output, never the password;
/// null for a user who only uses API tokens. <see cref="SecurityStamp"/> changes whenever the password or role does.
/// </summary>
/// <param name="Clients">A success manager's clients beyond those whose <c>success_manager</c> is this user's name.</param>
public sealed record UserAccount(
    string Name,
    string Role,
    string? Email,
    string? PasswordHash,
    IReadOnlyList<string> Clients,
    string SecurityStamp,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>An API token as listed: never its secret, which is shown once when created and stored only as a hash.</summary>
public sealed record ApiTokenInfo(long TokenId, string UserName, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool Revoked => RevokedAt is not null;
}

/// <summary>A user or token change that cannot be made (the name is taken, the user does not exist).</summary>
public sealed class AccountException(string message) : Exception(message);
