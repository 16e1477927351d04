using System.Collections.Immutable;
using NodaTime;
using SupportLens.Analytics.Sla;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Health;

/// <summary>Reads the clients table as <see cref="ClientAccount"/>s, in client id order.</summary>
internal static class ClientAccounts
{
    public static ImmutableArray<ClientAccount> Read(WarehouseConnection connection)
    {
        using var command = connection.CreateCommand("""
            SELECT client_id, tier, success_manager, contract_start, renewal_date, mrr, churned_on, name
            FROM clients ORDER BY client_id
            """);
        using var reader = command.ExecuteReader();
        var clients = ImmutableArray.CreateBuilder<ClientAccount>();
        while (reader.Read())
        {
            clients.Add(new ClientAccount(
                reader.GetString(0),
                Enum.Parse<SupportTier>(reader.GetString(1), ignoreCase: true),
                reader.GetNullableString(2),
                Date(reader, 3),
                Date(reader, 4),
                reader.IsDBNull(5) ? null : reader.GetDecimal(5),
                Date(reader, 6),
                reader.GetNullableString(7)));
        }
        return clients.ToImmutable();
    }

    private static LocalDate? Date(System.Data.Common.DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : LocalDate.FromDateOnly(reader.GetDateOnly(ordinal));
}
