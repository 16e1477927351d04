using System.Collections;
using System.Data.Common;
using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Accounts;

/// <summary>
/// The <c>users</c> and <c>api_tokens</c> tables. Hashing is the caller's business: this class stores and finds what it
/// is given, so the password and token rules live in one place (the web host's Auth folder).
/// </summary>
public sealed class AccountStore(Warehouse warehouse)
{
    private const string UserColumns = "name, role, email, password_hash, clients, security_stamp, created_at, updated_at";

    public IReadOnlyList<UserAccount> Users()
    {
        using var connection = warehouse.OpenConnection();
        using var command = connection.CreateCommand($"SELECT {UserColumns} FROM users ORDER BY name");
        return ReadUsers(command);
    }

    public UserAccount? Find(string name)
    {
        using var connection = warehouse.OpenConnection();
        using var command = connection.CreateCommand($"SELECT {UserColumns} FROM users WHERE name = $name");
        command.Parameters.Add("name", name);
        return ReadUsers(command).SingleOrDefault();
    }

    public long UserCount()
    {
        using var connection = warehouse.OpenConnection();
        using var command = connection.CreateCommand("SELECT count(*) FROM users");
        return command.ExecuteScalar<long>();
    }

    /// <summary>Adds a user; a name already taken is an <see cref="AccountException"/>.</summary>
    public void Add(UserAccount user)
    {
        using var connection = warehouse.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using (var exists = connection.CreateCommand("SELECT count(*) FROM users WHERE name = $name"))
        {
            exists.Parameters.Add("name", user.Name);
            if (exists.ExecuteScalar<long>() > 0)
            {
                throw new AccountException($"there is already a user named '{user.Name}'");
            }
        }
        using (var insert = connection.CreateCommand($"""
            INSERT INTO users ({UserColumns})
            VALUES ($name, $role, $email, $hash, {ClientList(user.Clients)}, $stamp, $created, $updated)
            """))
        {
            Bind(insert, user, withCreated: true);
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>Replaces a user's role, e-mail, password hash, clients and stamp; false when there is no such user.</summary>
    public bool Update(UserAccount user)
    {
        using var connection = warehouse.OpenConnection();
        using var command = connection.CreateCommand($"""
            UPDATE users SET role = $role, email = $email, password_hash = $hash, clients = {ClientList(user.Clients)},
                             security_stamp = $stamp, updated_at = $updated
            WHERE name = $name
            """);
        Bind(command, user, withCreated: false);
        return command.ExecuteNonQuery() > 0;
    }

    /// <summary>Deletes a user and revokes their tokens; false when there is no such user.</summary>
    public bool Delete(string name, DateTimeOffset at)
    {
        using var connection = warehouse.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var revoke = connection.CreateCommand("UPDATE api_tokens SET revoked_at = $at WHERE user_name = $name AND revoked_at IS NULL");
        revoke.Parameters.Add("name", name).Add("at", at);
        revoke.ExecuteNonQuery();
        using var delete = connection.CreateCommand("DELETE FROM users WHERE name = $name");
        delete.Parameters.Add("name", name);
        var deleted = delete.ExecuteNonQuery() > 0;
        transaction.Commit();
        return deleted;
    }

    /// <summary>Stores a new token of an existing user by its hash; returns its id.</summary>
    public long AddToken(string userName, string prefix, string tokenHash, DateTimeOffset at)
    {
        using var connection = warehouse.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using (var exists = connection.CreateCommand("SELECT count(*) FROM users WHERE name = $name"))
        {
            exists.Parameters.Add("name", userName);
            if (exists.ExecuteScalar<long>() == 0)
            {
                throw new AccountException($"there is no user named '{userName}'");
            }
        }
        using var insert = connection.CreateCommand("""
            INSERT INTO api_tokens (user_name, prefix, token_hash, created_at) VALUES ($name, $prefix, $hash, $at) RETURNING token_id
            """);
        insert.Parameters.Add("name", userName).Add("prefix", prefix).Add("hash", tokenHash).Add("at", at);
        var id = insert.ExecuteScalar<long>();
        transaction.Commit();
        return id;
    }

    /// <summary>Tokens, newest first; only <paramref name="userName"/>'s when given.</summary>
    public IReadOnlyList<ApiTokenInfo> Tokens(string? userName = null)
    {
        using var connection = warehouse.OpenConnection();
        using var command = connection.CreateCommand($"""
            SELECT token_id, user_name, prefix, created_at, revoked_at FROM api_tokens
            {(userName is null ? "" : "WHERE user_name = $name")}
            ORDER BY token_id DESC
            """);
        if (userName is not null)
        {
            command.Parameters.Add("name", userName);
        }
        using var reader = command.ExecuteReader();
        var tokens = new List<ApiTokenInfo>();
        while (reader.Read())
        {
            tokens.Add(new ApiTokenInfo(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetDateTimeOffset(3),
                reader.GetNullableDateTimeOffset(4)));
        }
        return tokens;
    }

    /// <summary>The user name and token id behind an unrevoked token hash, or null.</summary>
    public (string UserName, long TokenId)? FindActiveToken(string tokenHash)
    {
        using var connection = warehouse.OpenConnection();
        using var command = connection.CreateCommand(
            "SELECT user_name, token_id FROM api_tokens WHERE token_hash = $hash AND revoked_at IS NULL");
        command.Parameters.Add("hash", tokenHash);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetInt64(1)) : null;
    }

    /// <summary>Every unrevoked token hash with its user: what a server keeps in memory to check bearer tokens.</summary>
    public IReadOnlyDictionary<string, (string UserName, long TokenId)> ActiveTokens()
    {
        using var connection = warehouse.OpenConnection();
        using var command = connection.CreateCommand("SELECT token_hash, user_name, token_id FROM api_tokens WHERE revoked_at IS NULL");
        using var reader = command.ExecuteReader();
        var tokens = new Dictionary<string, (string, long)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            tokens[reader.GetString(0)] = (reader.GetString(1), reader.GetInt64(2));
        }
        return tokens;
    }

    /// <summary>Revokes a token; false when there is no such token or it was revoked already.</summary>
    public bool RevokeToken(long tokenId, DateTimeOffset at)
    {
        using var connection = warehouse.OpenConnection();
        using var command = connection.CreateCommand("UPDATE api_tokens SET revoked_at = $at WHERE token_id = $id AND revoked_at IS NULL");
        command.Parameters.Add("id", tokenId).Add("at", at);
        return command.ExecuteNonQuery() > 0;
    }

    // Client ids go in as separate parameters of a list literal: a list value is not a parameter type every provider binds.
    private static string ClientList(IReadOnlyList<string> clients) =>
        "[" + string.Join(", ", clients.Select((_, i) => $"$client{i}")) + "]::VARCHAR[]";

    private static void Bind(WarehouseCommand command, UserAccount user, bool withCreated)
    {
        command.Parameters.Add("name", user.Name).Add("role", user.Role).Add("email", user.Email).Add("hash", user.PasswordHash)
            .Add("stamp", user.SecurityStamp).Add("updated", user.UpdatedAt);
        if (withCreated)
        {
            command.Parameters.Add("created", user.CreatedAt);
        }
        for (var i = 0; i < user.Clients.Count; i++)
        {
            command.Parameters.Add($"client{i}", user.Clients[i]);
        }
    }

    private static List<UserAccount> ReadUsers(WarehouseCommand command)
    {
        using var reader = command.ExecuteReader();
        var users = new List<UserAccount>();
        while (reader.Read())
        {
            users.Add(new UserAccount(
                reader.GetString(0), reader.GetString(1), reader.GetNullableString(2), reader.GetNullableString(3),
                Strings(reader, 4), reader.GetString(5), reader.GetDateTimeOffset(6), reader.GetDateTimeOffset(7)));
        }
        return users;
    }

    private static IReadOnlyList<string> Strings(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) || reader.GetValue(ordinal) is not IEnumerable list ? [] : [.. list.OfType<string>()];
}
