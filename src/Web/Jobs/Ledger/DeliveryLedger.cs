using System.Data.Common;
using System.Security.Cryptography;
using System.Text;

namespace SupportLens.Web.Jobs.Ledger;

/// <summary>
/// The delivery ledger, keyed (report, period, recipient), in the job storage that every process shares. A delivery is
/// claimed (pending/failed -> sending) by a compare-and-set before the message leaves, and marked sent after the mail
/// server accepted it; the claim is what stops two processes sending the same key, the "sent" row what stops a second
/// send ever after. DeliveryService explains the window between acceptance and the "sent" row.
/// </summary>
internal sealed class DeliveryLedger(JobDatabase database, TimeProvider time)
{
    private const string Columns =
        "report, period, recipient, job, file, subject, message_id, status, attempts, last_error, claimed_by, transport, created_at, updated_at, sent_at";

    /// <summary>
    /// Adds planned deliveries; one already in the ledger keeps its state, and takes the new file and subject unless it
    /// was sent (a re-run after new data sends the new PDF to whoever has not had it yet).
    /// </summary>
    public void Plan(IEnumerable<PlannedDelivery> deliveries, string messageIdDomain)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var now = Db.Millis(time.GetUtcNow());
        foreach (var d in deliveries)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                "INSERT INTO supportlens_deliveries (report, period, recipient, job, file, subject, message_id, status, attempts, created_at, updated_at) " +
                "VALUES (@report, @period, @recipient, @job, @file, @subject, @message_id, 'pending', 0, @now, @now) " +
                "ON CONFLICT (report, period, recipient) DO UPDATE SET file = excluded.file, subject = excluded.subject, updated_at = excluded.updated_at " +
                "WHERE supportlens_deliveries.status <> 'sent'";
            Add(command, "report", d.Key.Report);
            Add(command, "period", d.Key.Period);
            Add(command, "recipient", d.Key.Recipient);
            Add(command, "job", d.Job);
            Add(command, "file", d.File);
            Add(command, "subject", d.Subject);
            Add(command, "message_id", MessageId(d.Key, messageIdDomain));
            Add(command, "now", now);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>Everything of a job's period not yet sent, in a stable order.</summary>
    public IReadOnlyList<ReportDelivery> Unsent(string job, string period)
    {
        using var connection = database.Open();
        return connection.Query($"SELECT {Columns} FROM supportlens_deliveries WHERE job = @job AND period = @period AND status <> 'sent' " +
                                "ORDER BY report, recipient", Read, ("job", job), ("period", period));
    }

    public IReadOnlyList<ReportDelivery> ForPeriod(string job, string period)
    {
        using var connection = database.Open();
        return connection.Query($"SELECT {Columns} FROM supportlens_deliveries WHERE job = @job AND period = @period ORDER BY report, recipient",
            Read, ("job", job), ("period", period));
    }

    public ReportDelivery? Find(DeliveryKey key)
    {
        using var connection = database.Open();
        return connection.Query($"SELECT {Columns} FROM supportlens_deliveries WHERE report = @report AND period = @period AND recipient = @recipient",
            Read, ("report", key.Report), ("period", key.Period), ("recipient", key.Recipient)).SingleOrDefault();
    }

    /// <summary>
    /// Claims a delivery for <paramref name="owner"/> if it is still unsent and its state is still <paramref name="seen"/>'s
    /// (compare-and-set). True: this process, and no other, now hands it to the mail server.
    /// </summary>
    public bool Claim(ReportDelivery seen, string owner)
    {
        using var connection = database.Open();
        return connection.Execute(
            "UPDATE supportlens_deliveries SET status = 'sending', attempts = attempts + 1, claimed_by = @owner, updated_at = @now " +
            "WHERE report = @report AND period = @period AND recipient = @recipient AND status = @status AND attempts = @attempts " +
            "AND status <> 'sent'",
            ("owner", owner), ("now", Db.Millis(time.GetUtcNow())), ("report", seen.Key.Report), ("period", seen.Key.Period),
            ("recipient", seen.Key.Recipient), ("status", Name(seen.Status)), ("attempts", (long)seen.Attempts)) == 1;
    }

    public bool MarkSent(DeliveryKey key, string owner, string transport)
    {
        using var connection = database.Open();
        var now = Db.Millis(time.GetUtcNow());
        return connection.Execute(
            "UPDATE supportlens_deliveries SET status = 'sent', sent_at = @now, updated_at = @now, transport = @transport, last_error = NULL " +
            "WHERE report = @report AND period = @period AND recipient = @recipient AND status = 'sending' AND claimed_by = @owner",
            ("now", now), ("transport", transport), ("report", key.Report), ("period", key.Period), ("recipient", key.Recipient), ("owner", owner)) == 1;
    }

    public void MarkFailed(DeliveryKey key, string owner, string error)
    {
        using var connection = database.Open();
        connection.Execute(
            "UPDATE supportlens_deliveries SET status = 'failed', last_error = @error, updated_at = @now " +
            "WHERE report = @report AND period = @period AND recipient = @recipient AND status = 'sending' AND claimed_by = @owner",
            ("error", error), ("now", Db.Millis(time.GetUtcNow())), ("report", key.Report), ("period", key.Period),
            ("recipient", key.Recipient), ("owner", owner));
    }

    /// <summary>How many deliveries are in each state.</summary>
    public IReadOnlyDictionary<DeliveryStatus, int> Counts()
    {
        using var connection = database.Open();
        var counts = Enum.GetValues<DeliveryStatus>().ToDictionary(s => s, _ => 0);
        foreach (var (status, count) in connection.Query("SELECT status, count(*) FROM supportlens_deliveries GROUP BY status",
                     r => (Enum.Parse<DeliveryStatus>(r.GetString(0), ignoreCase: true), (int)r.GetInt64(1))))
        {
            counts[status] = count;
        }

        return counts;
    }

    /// <summary>For the dashboard: unsent deliveries first (oldest first), then the latest sent.</summary>
    public IReadOnlyList<ReportDelivery> Overview(int sentLimit)
    {
        using var connection = database.Open();
        var open = connection.Query($"SELECT {Columns} FROM supportlens_deliveries WHERE status <> 'sent' ORDER BY created_at, report, recipient", Read);
        var sent = connection.Query($"SELECT {Columns} FROM supportlens_deliveries WHERE status = 'sent' ORDER BY sent_at DESC, report, recipient LIMIT @limit",
            Read, ("limit", (long)sentLimit));
        return [.. open, .. sent];
    }

    /// <summary>
    /// The Message-ID of a key: the same for every attempt, so a copy sent twice (see the kill window) is recognisably the
    /// same message to the recipient's mail store.
    /// </summary>
    public static string MessageId(DeliveryKey key, string domain)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{key.Report}\n{key.Period}\n{key.Recipient}"));
        return $"{Convert.ToHexStringLower(hash)[..32]}.{key.Period}@{domain}";
    }

    internal static string Name(DeliveryStatus status) => status.ToString().ToLowerInvariant();

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static ReportDelivery Read(DbDataReader r) => new(
        new DeliveryKey(r.GetString(0), r.GetString(1), r.GetString(2)), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
        Enum.Parse<DeliveryStatus>(r.GetString(7), ignoreCase: true), (int)r.GetInt64(8), r.NullableString(9), r.NullableString(10),
        r.NullableString(11), Db.Instant(r.GetInt64(12)), Db.Instant(r.GetInt64(13)), r.NullableInstant(14));
}
