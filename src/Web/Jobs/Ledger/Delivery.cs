namespace SupportLens.Web.Jobs.Ledger;

internal enum DeliveryStatus
{
    /// <summary>Planned, not tried yet.</summary>
    Pending,

    /// <summary>Claimed by a process that is handing it to the mail server now, or was when it died (in doubt).</summary>
    Sending,

    Sent,

    /// <summary>The last try failed; the job's next attempt tries again.</summary>
    Failed,
}

/// <summary>The exactly-once key: one report of one period to one recipient (lower-cased address).</summary>
internal sealed record DeliveryKey(string Report, string Period, string Recipient)
{
    public override string ToString() => $"{Report} {Period} -> {Recipient}";
}

/// <summary>A delivery a job run wants made: which file, to whom, under which subject.</summary>
internal sealed record PlannedDelivery(DeliveryKey Key, string Job, string File, string Subject);

/// <summary>One row of the delivery ledger.</summary>
internal sealed record ReportDelivery(
    DeliveryKey Key,
    string Job,
    string File,
    string Subject,
    string MessageId,
    DeliveryStatus Status,
    int Attempts,
    string? LastError,
    string? ClaimedBy,
    string? Transport,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SentAt);
