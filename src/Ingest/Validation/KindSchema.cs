namespace SupportLens.Ingest.Validation;

/// <summary>
/// What one kind of file must hold and where it goes: its fields, its key within a source, the table, and the time
/// order its timestamps must keep. Staged columns carry the names of the table's columns so the merge is by name.
/// </summary>
internal sealed class KindSchema
{
    private KindSchema(IngestKind kind, string table, FieldSpec[] fields, string[] key, (string Earlier, string Later)[] timeOrder)
    {
        Kind = kind;
        Table = table;
        Fields = fields;
        Key = key;
        TimeOrder = timeOrder;
        FieldIndex = fields.Select((f, i) => (f.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        Columns = fields.SelectMany(ColumnsOf).ToArray();
        HasSource = kind != IngestKind.Clients;
    }

    public IngestKind Kind { get; }

    public string Table { get; }

    public IReadOnlyList<FieldSpec> Fields { get; }

    public IReadOnlyDictionary<string, int> FieldIndex { get; }

    /// <summary>The staged (and target) columns, in staging order, without source and batch_id.</summary>
    public IReadOnlyList<StageColumn> Columns { get; }

    /// <summary>Columns that identify a row within its source; a file may hold each key once.</summary>
    public IReadOnlyList<string> Key { get; }

    /// <summary>Pairs of timestamps where the later one may not come before the earlier one.</summary>
    public IReadOnlyList<(string Earlier, string Later)> TimeOrder { get; }

    /// <summary>
    /// Statuses that say a row is done, each with the timestamp of when (tickets: solved -> solved_at, closed ->
    /// closed_at). A done row needs one of these times, or metrics would count it as open: a missing one is taken from
    /// updated_at, and a row with neither is rejected.
    /// </summary>
    public IReadOnlyList<(string Status, string Field)> DoneTimes { get; private init; } = [];

    /// <summary>Clients are keyed by client_id alone; every other table by (source, id).</summary>
    public bool HasSource { get; }

    public bool HasUpdatedAt => FieldIndex.ContainsKey("updated_at");

    public bool HasClientId => FieldIndex.ContainsKey("client_id") && Kind != IngestKind.Clients;

    public static KindSchema For(IngestKind kind) => All[(int)kind];

    private static IEnumerable<StageColumn> ColumnsOf(FieldSpec field) => field.Type switch
    {
        FieldType.CsatScore => [new StageColumn("score", "TINYINT", field.Name), new StageColumn("good", "BOOLEAN", field.Name)],
        FieldType.ClientList => [new StageColumn("affects_all", "BOOLEAN", field.Name)],
        FieldType.Text or FieldType.Enum or FieldType.NameList => [new StageColumn(field.Name, "VARCHAR", field.Name)],
        FieldType.Timestamp => [new StageColumn(field.Name, "TIMESTAMPTZ", field.Name)],
        FieldType.Date => [new StageColumn(field.Name, "DATE", field.Name)],
        FieldType.Integer => [new StageColumn(field.Name, "BIGINT", field.Name)],
        FieldType.Decimal => [new StageColumn(field.Name, "DECIMAL(14, 2)", field.Name)],
        FieldType.Double => [new StageColumn(field.Name, "DOUBLE", field.Name)],
        FieldType.Boolean => [new StageColumn(field.Name, "BOOLEAN", field.Name)],
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static FieldSpec Text(string name, bool required = false) => new(name, FieldType.Text, required);

    private static FieldSpec Time(string name, bool required = false) => new(name, FieldType.Timestamp, required);

    private static FieldSpec OneOf(string name, bool required, params string[] values) => new(name, FieldType.Enum, required) { Values = values };

    private static FieldSpec Count(string name) => new(name, FieldType.Integer) { Min = 0, Max = int.MaxValue };

    private static readonly KindSchema[] All =
    [
        new(IngestKind.Clients, "clients",
            [
                Text("client_id", true), Text("name", true),
                OneOf("tier", true, "starter", "professional", "business", "enterprise"),
                new("timezone", FieldType.Text), Text("region"), Text("success_manager"),
                new("contract_start", FieldType.Date), new("renewal_date", FieldType.Date),
                new("mrr", FieldType.Decimal) { Min = 0 }, new("churned_on", FieldType.Date), Time("updated_at"),
            ],
            ["client_id"], [("contract_start", "churned_on")]),
        new(IngestKind.Tickets, "tickets",
            [
                Text("ticket_id", true), Text("client_id", true), Time("created_at", true),
                OneOf("channel", true, "email", "chat", "phone", "web", "api"),
                OneOf("priority", false, "low", "normal", "high", "urgent") with { Default = "normal" },
                OneOf("status", true, "new", "open", "pending", "on_hold", "solved", "closed"),
                Text("category"), new("support_level", FieldType.Integer) { Min = 1, Max = 3 }, Text("agent_id"),
                Time("first_response_at"), Time("solved_at"), Time("closed_at"), Time("updated_at"),
                Count("agent_replies"), Count("reopens"), new("escalated", FieldType.Boolean),
            ],
            ["ticket_id"],
            [("created_at", "first_response_at"), ("created_at", "solved_at"), ("created_at", "closed_at"), ("created_at", "updated_at")])
        {
            DoneTimes = [("solved", "solved_at"), ("closed", "closed_at")],
        },
        new(IngestKind.TicketEvents, "ticket_events",
            [
                Text("ticket_id", true), Time("occurred_at", true),
                OneOf("event", true, "status", "public_reply", "escalation", "assignment"), Text("value"),
            ],
            ["ticket_id", "occurred_at", "event"], []),
        new(IngestKind.Csat, "csat_responses",
            [
                Text("response_id", true), Text("ticket_id"), Text("client_id", true) with { RequiredUnless = "ticket_id" },
                Time("responded_at", true), new("score", FieldType.CsatScore, true), Text("comment"), Time("updated_at"),
            ],
            ["response_id"], []),
        new(IngestKind.Nps, "nps_responses",
            [
                Text("response_id", true), Text("client_id", true), Text("respondent"), Time("responded_at", true),
                new("score", FieldType.Integer, true) { Min = 0, Max = 10 }, Text("comment"), Time("updated_at"),
            ],
            ["response_id"], []),
        new(IngestKind.Incidents, "incidents",
            [
                Text("incident_id", true), new("severity", FieldType.Integer, true) { Min = 1, Max = 4 }, Text("title", true),
                new("component", FieldType.NameList), Time("started_at", true), Time("acknowledged_at"), Time("first_update_at"), Time("resolved_at"),
                new("affected_clients", FieldType.ClientList), Time("updated_at"),
            ],
            ["incident_id"],
            [("started_at", "acknowledged_at"), ("started_at", "first_update_at"), ("started_at", "resolved_at")]),
        new(IngestKind.Checks, "checks",
            [
                Text("component", true), Time("checked_at", true), new("ok", FieldType.Boolean, true),
                new("latency_ms", FieldType.Double) { Min = 0 }, Text("client_id"),
            ],
            ["component", "checked_at", "client_id"], []),
        new(IngestKind.Volume, "volume_intervals",
            [
                Time("interval_start", true), new("interval_minutes", FieldType.Integer, true) { Min = 1, Max = 1440 },
                OneOf("channel", true, "email", "chat", "phone", "web", "api"), Text("client_id"), Text("queue"),
                new("offered", FieldType.Integer, true) { Min = 0, Max = int.MaxValue }, Count("handled"), Count("abandoned"),
                new("avg_handle_seconds", FieldType.Double) { Min = 0 }, new("avg_wait_seconds", FieldType.Double) { Min = 0 },
                new("service_level_pct", FieldType.Double) { Min = 0, Max = 100 },
            ],
            ["interval_start", "interval_minutes", "channel", "client_id", "queue"], []),
    ];
}

/// <summary>A staged column: its name in the warehouse table, its SQL type, and the input field it comes from.</summary>
internal sealed record StageColumn(string Name, string SqlType, string Field);
