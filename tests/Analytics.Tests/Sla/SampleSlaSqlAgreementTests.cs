using NodaTime;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Sla;
using SupportLens.Ingest;
using SupportLens.Storage;

namespace SupportLens.Analytics.Tests.Sla;

/// <summary>
/// On the committed sample history, business minutes worked out by the SLA clock in C# (the ticket_sla ledger) equal
/// those from the SQL calendar table, for every first response and every resolution without a pause.
/// </summary>
public sealed class SampleSlaSqlAgreementTests
{
    [Fact]
    public void Ledger_and_sql_calendar_agree_on_every_sample_ticket()
    {
        using var dir = new TempDirectory();
        using var warehouse = Warehouse.Open(dir.Path, TimeProvider.System);
        var ingestor = new Ingestor(warehouse, TimeProvider.System);
        Assert.Equal(0, ingestor.Ingest(RepositoryFiles.SampleData("clients.csv"), new IngestRequest(IngestKind.Clients)).RowsRejected);
        Assert.Equal(0, ingestor.Ingest(RepositoryFiles.SampleData("tickets.csv.gz"), new IngestRequest(IngestKind.Tickets)).RowsRejected);
        Assert.Equal(0, ingestor.Ingest(RepositoryFiles.SampleData("ticket-events.csv.gz"), new IngestRequest(IngestKind.TicketEvents)).RowsRejected);

        var settings = SupportLensSettings.Default;
        using var connection = warehouse.OpenConnection();
        new SlaLedger(new SlaClock(settings.SlaPolicies), TimeProvider.System).Refresh(connection);
        var calendars = Enum.GetValues<SupportTier>().ToDictionary(t => t, t => settings.SlaPolicies.For(t).Targets.Calendar);
        CalendarTable.Materialize(connection, calendars.Values, new LocalDate(2025, 1, 1), new LocalDate(2027, 12, 31));
        var tierCalendars = string.Join(", ", calendars.Select(c => $"('{c.Key.ToString().ToLowerInvariant()}', '{c.Value.Name}')"));

        using var command = connection.CreateCommand();
        command.CommandText = $"""
            WITH done AS (
                SELECT s.ticket_id, k.calendar, epoch_us(s.created_at) AS a,
                       epoch_us(s.first_response_done_at) AS fr, s.first_response_business_min AS fr_min,
                       CASE WHEN NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.source = s.source AND e.ticket_id = s.ticket_id AND e.event = 'status')
                            THEN epoch_us(s.resolution_done_at) END AS res,
                       s.resolution_business_min AS res_min
                FROM ticket_sla s
                JOIN clients c ON c.client_id = s.client_id
                JOIN (VALUES {tierCalendars}) k(tier, calendar) ON k.tier = c.tier
                WHERE s.first_response_done_at IS NOT NULL),
            starts AS (
                SELECT d.*, {CalendarTable.CumulativeSql("o", "d.a")} AS cum_a FROM done d
                ASOF LEFT JOIN {CalendarTable.Name} o ON o.calendar = d.calendar AND d.a >= o.open_start),
            responses AS (
                SELECT s.*, {CalendarTable.CumulativeSql("o", "s.fr")} AS cum_fr FROM starts s
                ASOF LEFT JOIN {CalendarTable.Name} o ON o.calendar = s.calendar AND s.fr >= o.open_start),
            solves AS (
                SELECT r.*, CASE WHEN r.res IS NOT NULL THEN {CalendarTable.CumulativeSql("o", "r.res")} END AS cum_res FROM responses r
                ASOF LEFT JOIN {CalendarTable.Name} o ON o.calendar = r.calendar AND r.res >= o.open_start)
            SELECT count(*),
                   max(abs((cum_fr - cum_a) / 60e6 - fr_min)),
                   count(cum_res),
                   max(abs((cum_res - cum_a) / 60e6 - res_min))
            FROM solves
            """;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.True(reader.GetInt64(0) > 30_000, $"{reader.GetInt64(0)} first responses compared");
        Assert.True(reader.GetDouble(1) < 1e-6, $"first response: largest difference {reader.GetDouble(1)} min");
        Assert.True(reader.GetInt64(2) > 10_000, $"{reader.GetInt64(2)} resolutions compared");
        Assert.True(reader.GetDouble(3) < 1e-6, $"resolution: largest difference {reader.GetDouble(3)} min");
    }
}
