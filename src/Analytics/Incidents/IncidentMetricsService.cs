using System.Data.Common;
using NodaTime;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Horizon;
using SupportLens.Analytics.Metrics;
using SupportLens.Storage;
using SupportLens.Storage.Sql;

using SupportLens.Analytics.Sql;

namespace SupportLens.Analytics.Incidents;

/// <summary>
/// Incident and availability metrics of a period (DESIGN.md §4), as of the current instant of <c>time</c>.
/// <para>
/// Incidents belong to the period they started in. Each is measured by <see cref="IncidentEvaluator"/> on the wall clock
/// against its severity's targets; a period holds tens of incidents, so rows are read and evaluated here and the target
/// rules live in one place. MTTA is the mean of started → acknowledged over the incidents acknowledged by now, MTTR the
/// mean of started → resolved over those resolved by now (times before the start count as zero, as in the evaluator);
/// open incidents do not pull the means down, and their count is the <c>Open</c> of the compliance.
/// </para>
/// <para>
/// Availability is time-weighted from checks, in DuckDB (<see cref="AvailabilityQuery"/>): each check stands for the time
/// from its instant until the next check of the same probe (source, component, client), cut to the period and to now.
/// Incident downtime is not subtracted separately: monitors fail while a component is down, so it is in the checks.
/// </para>
/// </summary>
public sealed class IncidentMetricsService(Warehouse warehouse, SupportLensSettings settings, TimeProvider time)
{
    private readonly IncidentEvaluator _evaluator = new(settings.Targets.Incidents);

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());

    /// <summary>
    /// The period's incidents and availability, judged as of <paramref name="asOf"/>, else as of the data horizon of the
    /// incidents (resp. the checks), else, before any refresh, as of the wall clock.
    /// </summary>
    public IncidentReport Compute(ReportingPeriod period, Instant? asOf = null)
    {
        using var connection = warehouse.OpenConnection();
        var horizon = DataHorizons.Read(connection);
        var incidentsAsOf = asOf ?? horizon.Incidents ?? Now();
        var checksAsOf = asOf ?? horizon.Checks ?? Now();
        var incidents = Read(connection, period, clientId: null, incidentsAsOf);

        var bySeverity = settings.Targets.Incidents.BySeverity.Keys
            .Union(incidents.Select(i => i.Severity))
            .Order()
            .Select(severity => Summarise(severity, incidents.Where(i => i.Severity == severity).ToList()))
            .ToList();
        var overall = Summarise(null, incidents);

        var components = AvailabilityQuery.Run(connection, period, checksAsOf, settings.Targets,
            incidents.Select(i => i.Component).OfType<string>());
        return new IncidentReport(period, incidentsAsOf, bySeverity, overall, components);
    }

    /// <summary>Every incident started in the period, oldest first, evaluated as <see cref="Compute"/> evaluates them.</summary>
    public IReadOnlyList<ClientIncident> Incidents(ReportingPeriod period, Instant? asOf = null)
    {
        using var connection = warehouse.OpenConnection();
        return Read(connection, period, clientId: null, asOf ?? DataHorizons.Read(connection).Incidents ?? Now());
    }

    /// <summary>
    /// The incidents started in the period that hit the client: those marked as hitting every client, and those that
    /// name it among their clients; oldest first.
    /// </summary>
    public IReadOnlyList<ClientIncident> IncidentsForClient(string clientId, ReportingPeriod period, Instant? asOf = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        using var connection = warehouse.OpenConnection();
        return Read(connection, period, clientId, asOf ?? DataHorizons.Read(connection).Incidents ?? Now());
    }

    private List<ClientIncident> Read(WarehouseConnection connection, ReportingPeriod period, string? clientId, Instant asOf)
    {
        using var command = connection.CreateCommand();
        var hitsClient = clientId is null ? "" : """
            AND (i.affects_all OR EXISTS (
                SELECT 1 FROM incident_clients ic
                WHERE ic.source = i.source AND ic.incident_id = i.incident_id AND ic.client_id = $client))
            """;
        command.CommandText = $"""
            SELECT i.source, i.incident_id, i.severity, i.title, i.component,
                   i.started_at, i.acknowledged_at, i.first_update_at, i.resolved_at, i.affects_all
            FROM incidents i
            WHERE i.started_at >= {SqlInstant.Literal(period.StartUtc)} AND i.started_at < {SqlInstant.Literal(period.EndUtc)}
            {hitsClient}
            ORDER BY i.started_at, i.source, i.incident_id
            """;
        if (clientId is not null)
        {
            command.Parameters.Add("client", clientId);
        }
        using var reader = command.ExecuteReader();
        var incidents = new List<ClientIncident>();
        while (reader.Read())
        {
            var incident = new Incident(
                reader.GetInt32(2), InstantAt(reader, 5)!.Value, InstantAt(reader, 6), InstantAt(reader, 7), InstantAt(reader, 8));
            incidents.Add(new ClientIncident(
                reader.GetString(0), reader.GetString(1), incident.Severity, reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                incident.StartedAt, incident.AcknowledgedAt, incident.FirstUpdateAt, incident.ResolvedAt,
                reader.GetBoolean(9), Evaluate(incident, asOf)));
        }
        return incidents;
    }

    /// <summary>The evaluator's outcome; a severity the configuration has no targets for promises nothing.</summary>
    private IncidentEvaluation Evaluate(Incident incident, Instant asOf)
    {
        if (_evaluator.Targets.BySeverity.ContainsKey(incident.Severity))
        {
            return _evaluator.Evaluate(incident, asOf);
        }
        IncidentTargetOutcome None(Instant? done) => new(IncidentTargetStatus.NotApplicable, null, null,
            done is { } d && d <= asOf ? (d > incident.StartedAt ? d - incident.StartedAt : Duration.Zero) : null);
        return new IncidentEvaluation(None(incident.AcknowledgedAt), None(incident.FirstUpdateAt), None(incident.ResolvedAt));
    }

    private static SeverityIncidentMetrics Summarise(int? severity, IReadOnlyList<ClientIncident> incidents)
    {
        IncidentCompliance Tally(Func<IncidentEvaluation, IncidentTargetOutcome> step) =>
            incidents.Aggregate(IncidentCompliance.None, (c, i) => c.Add(step(i.Evaluation).Status));
        return new SeverityIncidentMetrics(
            severity,
            incidents.Count,
            Tally(e => e.InitialResponse),
            Tally(e => e.ClientCommunication),
            Tally(e => e.Resolution),
            Mean(incidents.Select(i => i.Evaluation.InitialResponse.Took)),
            Mean(incidents.Select(i => i.Evaluation.Resolution.Took)));
    }

    private static Duration? Mean(IEnumerable<Duration?> durations)
    {
        var done = durations.OfType<Duration>().ToList();
        return done.Count == 0 ? null : Duration.FromTicks(done.Sum(d => d.BclCompatibleTicks) / done.Count);
    }

    private static Instant? InstantAt(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Instant.FromDateTimeOffset(reader.GetDateTimeOffset(ordinal));
}
