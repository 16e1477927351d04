using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Clients;

/// <summary>A client as the <c>clients</c> export described it.</summary>
public sealed record ClientInfo(
    string ClientId,
    string Name,
    string Tier,
    string? Timezone,
    string? Region,
    string? SuccessManager,
    DateOnly? ContractStart,
    DateOnly? RenewalDate,
    decimal? Mrr,
    DateOnly? ChurnedOn)
{
    /// <summary>On the books that day: contract started (or start unknown) and not yet churned (the health scores' rule).</summary>
    public bool IsActiveOn(DateOnly day) => (ContractStart is not { } start || start <= day) && (ChurnedOn is not { } churned || churned > day);
}

/// <summary>The clients table: the list, one client, and a success manager's book.</summary>
public sealed class ClientDirectory(Warehouse warehouse)
{
    private const string Columns =
        "client_id, name, tier, timezone, region, success_manager, contract_start, renewal_date, mrr, churned_on";

    /// <summary>Every client by id.</summary>
    public IReadOnlyList<ClientInfo> All()
    {
        using var connection = warehouse.OpenConnection();
        using var command = connection.CreateCommand($"SELECT {Columns} FROM clients ORDER BY client_id");
        return Read(command);
    }

    public ClientInfo? Find(string clientId)
    {
        using var connection = warehouse.OpenConnection();
        using var command = connection.CreateCommand($"SELECT {Columns} FROM clients WHERE client_id = $id");
        command.Parameters.Add("id", clientId);
        return Read(command).SingleOrDefault();
    }

    /// <summary>
    /// The clients a success manager looks after: those whose <c>success_manager</c> is <paramref name="successManager"/>
    /// (compared without case), and <paramref name="extra"/> ids given to them by name.
    /// </summary>
    public IReadOnlySet<string> BookOf(string successManager, IEnumerable<string> extra)
    {
        using var connection = warehouse.OpenConnection();
        using var command = connection.CreateCommand("SELECT client_id FROM clients WHERE lower(success_manager) = lower($name)");
        command.Parameters.Add("name", successManager);
        using var reader = command.ExecuteReader();
        var book = new HashSet<string>(extra, StringComparer.Ordinal);
        while (reader.Read())
        {
            book.Add(reader.GetString(0));
        }
        return book;
    }

    private static List<ClientInfo> Read(WarehouseCommand command)
    {
        using var reader = command.ExecuteReader();
        var clients = new List<ClientInfo>();
        while (reader.Read())
        {
            clients.Add(new ClientInfo(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetNullableString(3), reader.GetNullableString(4),
                reader.GetNullableString(5), Date(reader, 6), Date(reader, 7), reader.IsDBNull(8) ? null : reader.GetDecimal(8), Date(reader, 9)));
        }
        return clients;
    }

    private static DateOnly? Date(System.Data.Common.DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDateOnly(ordinal);
}
