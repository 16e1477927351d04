using SupportLens.Analytics.Accounts;
using SupportLens.Storage;

namespace SupportLens.Analytics.Tests.Accounts;

/// <summary>The users and api_tokens tables: what goes in comes back, names are unique, revoking and deleting stick.</summary>
public sealed class AccountStoreTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly Warehouse _warehouse = Warehouse.InMemory(TimeProvider.System);
    private readonly AccountStore _store;

    public AccountStoreTests() => _store = new AccountStore(_warehouse);

    public void Dispose() => _warehouse.Dispose();

    private static UserAccount User(string name, string role = UserRoles.SuccessManager, params string[] clients) =>
        new(name, role, $"{name}@example.com", "hash-of-" + name, clients, "stamp-" + name, At, At);

    [Fact]
    public void Users_come_back_as_stored_with_their_clients()
    {
        _store.Add(User("Sofia Marquez", UserRoles.SuccessManager, "C-1", "C-2"));
        _store.Add(User("ops", UserRoles.Admin));
        Assert.Equal(2, _store.UserCount());
        var sofia = _store.Find("Sofia Marquez")!;
        Assert.Equal(["C-1", "C-2"], sofia.Clients);
        Assert.Equal("hash-of-Sofia Marquez", sofia.PasswordHash);
        Assert.Equal(At, sofia.CreatedAt);
        Assert.Empty(_store.Find("ops")!.Clients);
        Assert.Equal(["Sofia Marquez", "ops"], _store.Users().Select(u => u.Name).Order(StringComparer.Ordinal));
        Assert.Null(_store.Find("nobody"));
    }

    [Fact]
    public void A_name_is_taken_once_and_a_role_must_be_known()
    {
        _store.Add(User("pat"));
        Assert.Throws<AccountException>(() => _store.Add(User("pat", UserRoles.Admin)));
        Assert.ThrowsAny<Exception>(() => _store.Add(User("eve", "owner")));
    }

    [Fact]
    public void An_update_replaces_role_hash_clients_and_stamp()
    {
        _store.Add(User("pat", UserRoles.SuccessManager, "C-1"));
        Assert.True(_store.Update(User("pat", UserRoles.Planner) with { PasswordHash = "new", SecurityStamp = "new-stamp" }));
        var pat = _store.Find("pat")!;
        Assert.Equal((UserRoles.Planner, "new", "new-stamp"), (pat.Role, pat.PasswordHash, pat.SecurityStamp));
        Assert.Empty(pat.Clients);
        Assert.False(_store.Update(User("nobody")));
    }

    [Fact]
    public void Tokens_are_found_by_hash_until_revoked_and_go_with_their_user()
    {
        _store.Add(User("bot", UserRoles.Planner));
        var first = _store.AddToken("bot", "slt_abcdef", "hash-1", At);
        var second = _store.AddToken("bot", "slt_ghijkl", "hash-2", At);
        Assert.Equal(("bot", first), _store.FindActiveToken("hash-1"));
        Assert.Throws<AccountException>(() => _store.AddToken("nobody", "slt_x", "hash-3", At));

        Assert.True(_store.RevokeToken(first, At.AddHours(1)));
        Assert.False(_store.RevokeToken(first, At.AddHours(2)));
        Assert.Null(_store.FindActiveToken("hash-1"));
        Assert.Equal(["hash-2"], _store.ActiveTokens().Keys);
        Assert.Equal([second, first], _store.Tokens("bot").Select(t => t.TokenId));
        Assert.Equal(At.AddHours(1), _store.Tokens().Single(t => t.TokenId == first).RevokedAt);

        Assert.True(_store.Delete("bot", At.AddHours(3)));
        Assert.Empty(_store.ActiveTokens());
        Assert.False(_store.Delete("bot", At));
    }
}
