using NodaTime;
using SupportLens.Analytics.Anomalies;
using SupportLens.Analytics.Capacity;
using SupportLens.Analytics.Clients;
using SupportLens.Analytics.Forecasting;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Incidents;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Sla;

namespace SupportLens.Reports.Documents.Data;

/// <summary>A month (or week) of a trend: its span and its metrics (null when it has no rows at all).</summary>
internal sealed record TrendStep(ReportSpan Span, QualityMetrics? Metrics)
{
    public LocalDate Start => Span.Start;

    /// <summary>"Nov 2025", "2026-W35".</summary>
    public string Label => Span.RowLabel;
}

/// <summary>
/// Everything the reports of one month (or ISO week) read, each loaded from Analytics on first use and shared by every
/// report rendered from this instance (a batch of 40 client-health PDFs reads the month's metrics once). The figures
/// are exactly those <c>metrics</c> prints for the same period: the period itself (`--month`, or `--from --to` for a
/// week), split by tier, channel or client (`--by`), and the trailing twelve months (`--from --to --by month`) or weeks.
/// </summary>
internal sealed class PeriodFigures
{
    public const int TrendSteps = 12;
    public const int WorstBreachRows = 25;

    private readonly ReportSources sources;
    private readonly Lazy<MetricsReport> all;
    private readonly Lazy<MetricsReport> byTier;
    private readonly Lazy<MetricsReport> byChannel;
    private readonly Lazy<MetricsReport> byClient;
    private readonly Lazy<MetricsReport> previousByTier;
    private readonly Lazy<IReadOnlyList<TrendStep>> trend;
    private readonly Lazy<IReadOnlyList<IReadOnlyDictionary<string, QualityMetrics>>> trendByClient;
    private readonly Lazy<IncidentReport> incidents;
    private readonly Lazy<IncidentReport> previousIncidents;
    private readonly Lazy<IReadOnlyList<PrioritySla>> slaByPriority;
    private readonly Lazy<SlaBreachList> worstBreaches;
    private readonly Lazy<ArrivalPattern> arrivals;
    private readonly Lazy<IReadOnlyList<ClientInfo>> clients;
    private readonly Lazy<StoredForecastRun?> forecast;
    private readonly Lazy<VolumeHistory> volumes;
    private readonly Lazy<IReadOnlyList<StoredSpike>> spikes;
    private readonly Lazy<CapacityReport?> capacity;
    private readonly Lazy<LocalDate?> healthDay;
    private readonly Lazy<HealthBook?> book;
    private readonly Lazy<HealthBook?> previousBook;

    public PeriodFigures(ReportSources sources, ReportSpan span)
    {
        this.sources = sources;
        Span = span;
        Steps = span.Trailing(TrendSteps);

        all = new(() => sources.Metrics.Compute(Period, MetricsGrouping.All));
        byTier = new(() => sources.Metrics.Compute(Period, MetricsGrouping.Tier));
        byChannel = new(() => sources.Metrics.Compute(Period, MetricsGrouping.Channel));
        byClient = new(() => sources.Metrics.Compute(Period, MetricsGrouping.Client));
        previousByTier = new(() => sources.Metrics.Compute(PreviousPeriod, MetricsGrouping.Tier));
        trend = new(() =>
        {
            if (span.Kind == SpanKind.Month)
            {
                // One query over the twelve months, split by month: what `metrics --from --to --by month` prints.
                var months = new ReportingPeriod(Steps[0].Start, Period.To, Period.Zone);
                var groups = sources.Metrics.Compute(months, MetricsGrouping.Month).Groups.ToDictionary(g => g.Key, StringComparer.Ordinal);
                return [.. Steps.Select(s => new TrendStep(s, groups.GetValueOrDefault(s.Key)))];
            }

            return [.. Steps.Select(s => new TrendStep(s, sources.Metrics.Compute(s.Period, MetricsGrouping.All).Groups.SingleOrDefault()))];
        });
        trendByClient = new(() => [.. Steps.Select(s =>
            (IReadOnlyDictionary<string, QualityMetrics>)sources.Metrics.Compute(s.Period, MetricsGrouping.Client)
                .Groups.ToDictionary(g => g.Key, StringComparer.Ordinal))]);
        incidents = new(() => sources.Incidents.Compute(Period));
        previousIncidents = new(() => sources.Incidents.Compute(PreviousPeriod));
        slaByPriority = new(() => sources.Sla.ByPriority(Period));
        worstBreaches = new(() => sources.Sla.Worst(Period, WorstBreachRows));
        arrivals = new(() => sources.Arrivals.Compute(Period));
        clients = new(sources.Clients.All);
        forecast = new(() => sources.Forecasts.Latest(SeriesFrequency.Daily, VolumeHistoryReader.TotalKey));
        volumes = new(sources.Volumes.Read);
        spikes = new(() => sources.Spikes.Read(Period.From, Period.To));
        capacity = new(() => sources.Capacity.Plan(CapacityWeeks));
        // A period the stored days do not reach has no health of its own: the last stored day's book would show a
        // month years after the data as "met" under that month's name.
        healthDay = new(() => sources.Health.StoredDays() is { } stored && stored.First <= Period.To && stored.Last >= Period.From
            ? (stored.Last < Period.To ? stored.Last : Period.To)
            : null);
        book = new(() => HealthDay is { } day ? sources.Health.Book(day) : null);
        previousBook = new(() => sources.Health.StoredDays() is { } stored && stored.First <= PreviousPeriod.To && stored.Last >= PreviousPeriod.To
            ? sources.Health.Book(PreviousPeriod.To)
            : null);
    }

    /// <summary>Weeks a capacity plan covers, as `supportlens capacity` plans by default.</summary>
    public const int CapacityWeeks = 8;

    /// <summary>The month or week reported.</summary>
    public ReportSpan Span { get; }

    /// <summary>"2026-10", "2026-W47".</summary>
    public string Key => Span.Key;

    public ReportingPeriod Period => Span.Period;

    public ReportingPeriod PreviousPeriod => Span.Previous.Period;

    /// <summary>The first day of the period.</summary>
    public LocalDate Start => Span.Start;

    /// <summary>"October 2026", "week 2026-W47 (16–22 Nov 2026)".</summary>
    public string Label => Span.Label;

    /// <summary>"month" or "week".</summary>
    public string Unit => Span.Unit;

    /// <summary>"Sep", "W46": the period before, as a tile's change names it.</summary>
    public string PreviousLabel => Span.Previous.ShortLabel;

    /// <summary>The twelve months (or weeks) ending with this one, oldest first.</summary>
    public IReadOnlyList<ReportSpan> Steps { get; }

    /// <summary>"Nov 2025 to Oct 2026": the trend's reach.</summary>
    public string StepsRange => Steps[0].RowLabel + " to " + Steps[^1].RowLabel;

    public DateTimeZone Zone => Period.Zone;

    /// <summary>The zone as charts take it, for placing and printing dates.</summary>
    public ReportingZone ReportZone => ReportingZone.Of(Period.Zone.Id);

    public ReportSources Sources => sources;

    /// <summary>The whole organisation's metrics of the month (`metrics --month`).</summary>
    public QualityMetrics All => all.Value.Groups.Single();

    /// <summary>The instant open tickets were judged at: the data's horizon (null: no tickets at all yet).</summary>
    public Instant? AsOf => all.Value.AsOf;

    public IReadOnlyList<QualityMetrics> ByTier => byTier.Value.Groups;

    public IReadOnlyList<QualityMetrics> ByChannel => byChannel.Value.Groups;

    public IReadOnlyList<QualityMetrics> ByClient => byClient.Value.Groups;

    public IReadOnlyList<QualityMetrics> PreviousByTier => previousByTier.Value.Groups;

    public IReadOnlyList<TrendStep> Trend => trend.Value;

    /// <summary>The period before, as the trend has it (`metrics --by month`); null when it had no rows.</summary>
    public QualityMetrics? Previous => Trend[^2].Metrics;

    public IncidentReport Incidents => incidents.Value;

    public IncidentReport PreviousIncidents => previousIncidents.Value;

    public IReadOnlyList<PrioritySla> SlaByPriority => slaByPriority.Value;

    public SlaBreachList WorstBreaches => worstBreaches.Value;

    public ArrivalPattern Arrivals => arrivals.Value;

    public IReadOnlyList<ClientInfo> Clients => clients.Value;

    /// <summary>The latest stored daily forecast of the organisation's total volume (`forecast`); null before any refresh stored one.</summary>
    public StoredForecastRun? Forecast => forecast.Value;

    /// <summary>The daily volume history the forecasts are made from.</summary>
    public VolumeHistory Volumes => volumes.Value;

    /// <summary>Volume spikes stored for the month's days, by day.</summary>
    public IReadOnlyList<StoredSpike> Spikes => spikes.Value;

    /// <summary>The capacity plan of the latest stored forecast (`capacity`); null before any refresh stored one.</summary>
    public CapacityReport? Capacity => capacity.Value;

    /// <summary>
    /// The day health is read for: the period's last day, or the last stored day when the data ends sooner within the
    /// period (what `supportlens health --as-of` shows for it); null when no score is stored for a day of the period.
    /// </summary>
    public LocalDate? HealthDay => healthDay.Value;

    /// <summary>Every active client's health and risk on <see cref="HealthDay"/>, with retention (`health --as-of`).</summary>
    public HealthBook? Book => book.Value;

    /// <summary>The book on the previous period's last day, for the scorecard's change; null when not stored.</summary>
    public HealthBook? PreviousBook => previousBook.Value;

    /// <summary>
    /// A client's health detail on the last day of the period it was active (a client that churned in the period is
    /// read on its last day); null when no score is stored for it.
    /// </summary>
    public ClientHealthDetail? HealthOf(ClientInfo client)
    {
        if (HealthDay is not { } day)
        {
            return null;
        }

        if (client.ChurnedOn is { } churned && LocalDate.FromDateOnly(churned) <= day)
        {
            day = LocalDate.FromDateOnly(churned).PlusDays(-1);
        }

        return day < Period.From ? null : sources.Health.Client(client.ClientId, day);
    }

    /// <summary>A client's metrics in each of the twelve steps (`metrics --month M --by client`); null for one without its rows.</summary>
    public IReadOnlyList<TrendStep> ClientTrend(string clientId) =>
        [.. Steps.Select((s, i) => new TrendStep(s, trendByClient.Value[i].GetValueOrDefault(clientId)))];

    public IReadOnlyList<ClientIncident> IncidentsFor(string clientId) => sources.Incidents.IncidentsForClient(clientId, Period);

    public EscalationSnapshot OpenEscalationsOf(string clientId) => sources.Escalations.AtEndOf(Period, clientId);

    /// <summary>A client's display name: its name from the clients export, else its id.</summary>
    public string ClientName(string clientId) => Clients.FirstOrDefault(c => c.ClientId == clientId)?.Name ?? clientId;
}
