using NodaTime;
using SupportLens.Storage;

namespace SupportLens.Analytics.Clients;

/// <summary>A client on the books at the end of a period, with the success manager the clients export names.</summary>
public sealed record RosterClient(string ClientId, string Name, string Tier, string? SuccessManager);

/// <summary>
/// The clients that are active on a day: contract started (or start unknown) and not churned by then, the same rule as
/// the health scores use. The monthly pack writes one client-health PDF for each of them.
/// </summary>
public sealed class ClientRoster(Warehouse warehouse)
{
    public IReadOnlyList<RosterClient> ActiveOn(LocalDate day)
    {
        using var connection = warehouse.OpenConnection();
        using var command = connection.CreateCommand("""
            SELECT client_id, name, tier, nullif(trim(success_manager), '')
            FROM clients
            WHERE (contract_start IS NULL OR contract_start <= $day) AND (churned_on IS NULL OR churned_on > $day)
            ORDER BY client_id
            """);
        command.Parameters.Add("day", day.ToDateOnly());
        using var reader = command.ExecuteReader();
        var clients = new List<RosterClient>();
        while (reader.Read())
        {
            clients.Add(new RosterClient(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return clients;
    }
}
