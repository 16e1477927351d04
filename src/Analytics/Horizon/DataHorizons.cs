using NodaTime;
using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Horizon;

/// <summary>How far the data reaches, per kind: the instant open items are judged at unless a report asks for another.</summary>
public sealed record DataHorizon(Instant? Tickets, Instant? Incidents, Instant? Checks, Instant? Surveys)
{
    public static DataHorizon None { get; } = new(null, null, null, null);

    /// <summary>The newest of all kinds: what "the data reaches" means to a reader.</summary>
    public Instant? Latest => new[] { Tickets, Incidents, Checks, Surveys }.Max();
}

/// <summary>Reads the horizons that <c>refresh</c> stored (never computes them: reads never write).</summary>
public sealed class DataHorizons(Warehouse warehouse)
{
    public DataHorizon Read()
    {
        using var connection = warehouse.OpenConnection();
        return Read(connection);
    }

    public static DataHorizon Read(WarehouseConnection connection)
    {
        using var command = connection.CreateCommand("""
            SELECT max(horizon) FILTER (WHERE kind = 'tickets'), max(horizon) FILTER (WHERE kind = 'incidents'),
                   max(horizon) FILTER (WHERE kind = 'checks'), max(horizon) FILTER (WHERE kind IN ('csat', 'nps'))
            FROM data_horizon
            """);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new DataHorizon(At(reader, 0), At(reader, 1), At(reader, 2), At(reader, 3));
    }

    private static Instant? At(System.Data.Common.DbDataReader reader, int ordinal) =>
        reader.GetNullableDateTimeOffset(ordinal) is { } at ? Instant.FromDateTimeOffset(at) : null;
}
