using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using SupportLens.Analytics.Accounts;

namespace SupportLens.Web.Auth;

/// <summary>A token as it is handed out: the secret is shown once and never stored.</summary>
internal sealed record IssuedToken(long TokenId, string UserName, string Token, string Prefix);

/// <summary>
/// Users and API tokens for the CLI verbs and the web host: hashing (ASP.NET Core's <see cref="PasswordHasher{TUser}"/>,
/// PBKDF2; tokens as SHA-256), the rules for names and passwords, and an in-memory copy of the tables so that a request
/// checks its cookie or token without a query. The copy is reloaded after every change made here; while the server runs
/// it owns the database file, so no other process can change the tables behind its back.
/// </summary>
internal sealed class UserDirectory(AccountStore store, TimeProvider time)
{
    /// <summary>Shorter passwords are refused.</summary>
    internal const int MinimumPasswordLength = 10;

    private readonly PasswordHasher<UserAccount> _hasher = new();
    private readonly Lock _writes = new();
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(
        FrozenDictionary<string, UserAccount> Users, FrozenDictionary<string, (string UserName, long TokenId)> Tokens);

    private Snapshot Current => _snapshot ?? Reload();

    private Snapshot Reload()
    {
        var snapshot = new Snapshot(
            store.Users().ToFrozenDictionary(u => u.Name, StringComparer.Ordinal),
            store.ActiveTokens().ToFrozenDictionary(StringComparer.Ordinal));
        _snapshot = snapshot;
        return snapshot;
    }

    internal IReadOnlyList<UserAccount> Users() => [.. Current.Users.Values.OrderBy(u => u.Name, StringComparer.Ordinal)];

    internal UserAccount? Find(string name) => Current.Users.GetValueOrDefault(name);

    internal bool Any() => Current.Users.Count > 0;

    /// <summary>The user whose password this is, or null (unknown user, no password, wrong password: not told apart).</summary>
    internal UserAccount? SignIn(string name, string password)
    {
        if (Find(name) is not { PasswordHash: { } hash } user)
        {
            // Hash anyway, so that a missing user takes as long as a wrong password.
            _hasher.VerifyHashedPassword(DummyUser, DummyHash, password);
            return null;
        }
        return _hasher.VerifyHashedPassword(user, hash, password) == PasswordVerificationResult.Failed ? null : user;
    }

    /// <summary>The user behind an unrevoked API token, and the token's id; null for anything else.</summary>
    internal (UserAccount User, long TokenId)? FindByToken(string token)
    {
        if (!token.StartsWith(Secrets.TokenPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var snapshot = Current;
        return snapshot.Tokens.TryGetValue(Secrets.TokenHash(token), out var entry) && snapshot.Users.TryGetValue(entry.UserName, out var user)
            ? (user, entry.TokenId)
            : null;
    }

    /// <summary>Adds a user; with no password, one is made up and returned (to be shown once).</summary>
    internal (UserAccount User, string? GeneratedPassword) Add(string name, string role, string? email, string? password, IReadOnlyList<string> clients)
    {
        CheckName(name);
        CheckRole(role);
        var generated = password is null ? Secrets.NewPassword() : null;
        CheckPassword(password ?? generated!);
        var now = time.GetUtcNow();
        var user = new UserAccount(name, role, string.IsNullOrWhiteSpace(email) ? null : email.Trim(), null,
            [.. clients.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)], Secrets.NewStamp(), now, now);
        user = user with { PasswordHash = _hasher.HashPassword(user, password ?? generated!) };
        lock (_writes)
        {
            store.Add(user);
            Reload();
        }
        return (user, generated);
    }

    /// <summary>Sets a new password; sign-in cookies issued before stop working.</summary>
    internal UserAccount SetPassword(string name, string password)
    {
        CheckPassword(password);
        lock (_writes)
        {
            var user = store.Find(name) ?? throw new AccountException($"there is no user named '{name}'");
            var changed = user with { SecurityStamp = Secrets.NewStamp(), UpdatedAt = time.GetUtcNow() };
            changed = changed with { PasswordHash = _hasher.HashPassword(changed, password) };
            store.Update(changed);
            Reload();
            return changed;
        }
    }

    /// <summary>Removes a user and revokes their tokens.</summary>
    internal bool Remove(string name)
    {
        lock (_writes)
        {
            var removed = store.Delete(name, time.GetUtcNow());
            Reload();
            return removed;
        }
    }

    internal IssuedToken CreateToken(string userName)
    {
        var token = Secrets.NewToken();
        var prefix = token[..Secrets.ShownPrefixLength];
        lock (_writes)
        {
            var id = store.AddToken(userName, prefix, Secrets.TokenHash(token), time.GetUtcNow());
            Reload();
            return new IssuedToken(id, userName, token, prefix);
        }
    }

    internal IReadOnlyList<ApiTokenInfo> Tokens(string? userName = null) => store.Tokens(userName);

    internal bool RevokeToken(long tokenId)
    {
        lock (_writes)
        {
            var revoked = store.RevokeToken(tokenId, time.GetUtcNow());
            Reload();
            return revoked;
        }
    }

    /// <summary>
    /// On first start with no users: an <c>admin</c> with <paramref name="password"/>, else a random password, which is
    /// returned to be printed once. Null when there were users already.
    /// </summary>
    internal (UserAccount User, string? GeneratedPassword)? EnsureFirstAdmin(string? password)
    {
        lock (_writes)
        {
            if (store.UserCount() > 0)
            {
                return null;
            }
            return Add("admin", UserRoles.Admin, null, string.IsNullOrEmpty(password) ? null : password, []);
        }
    }

    internal static void CheckName(string name)
    {
        // Spaces are allowed: a success manager's user name is the name the clients export gives (e.g. "Sofia Marquez").
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64 || name != name.Trim() || name.Any(char.IsControl))
        {
            throw new AccountException($"'{name}' is not a user name: 1 to 64 characters, no control characters or surrounding spaces");
        }
    }

    internal static void CheckRole(string role)
    {
        if (!UserRoles.All.Contains(role))
        {
            throw new AccountException($"'{role}' is not a role; use one of {string.Join(", ", UserRoles.All)}");
        }
    }

    internal static void CheckPassword(string password)
    {
        if (password.Length < MinimumPasswordLength)
        {
            throw new AccountException($"a password needs at least {MinimumPasswordLength} characters");
        }
    }

    private static readonly UserAccount DummyUser = new("-", UserRoles.Planner, null, null, [], "-", default, default);

    private static readonly string DummyHash = new PasswordHasher<UserAccount>().HashPassword(DummyUser, "not a password of anyone");
}
