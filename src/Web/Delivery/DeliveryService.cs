using SupportLens.Web.Jobs.Ledger;

namespace SupportLens.Web.Delivery;

/// <summary>What one pass over a period's deliveries did.</summary>
/// <param name="Recovered">Found "sending" after a crash and known to have left (an outbox file): marked sent, not resent.</param>
/// <param name="NotTried">Left for the next attempt because the mail server could not be reached.</param>
internal sealed record DeliveryTally(int Sent, int Recovered, int Failed, int NotTried, IReadOnlyList<string> Errors)
{
    public bool AllSent => Failed == 0 && NotTried == 0;
}

/// <summary>
/// Sends a job period's unsent deliveries, exactly once per (report, period, recipient).
///
/// The protocol, per delivery, under the job's lock: (1) claim it in the ledger (pending/failed -> sending, compare-and-set);
/// (2) hand the message to the transport; (3) mark it sent. A crash before (2) completes leaves "sending" with nothing
/// delivered; a crash after (3) leaves "sent", which is never sent again. The one window is between the mail server's
/// acceptance in (2) and the ledger write in (3): the next holder of the lock finds the row "sending" (in doubt). The
/// outbox resolves it exactly: the file exists or it does not. SMTP cannot be asked, so the message is sent again, with
/// the same deterministic Message-ID, which mail stores use to recognise the copy; the window is the time of one local
/// database write after the server's "250 OK" (milliseconds), and the dashboard shows such a delivery with 2 attempts.
/// </summary>
internal sealed class DeliveryService(DeliveryLedger ledger, MailTransports transports, TimeProvider time)
{
    public DeliveryTally Send(string job, string period, JobLease lease, Action<string>? progress = null, CancellationToken cancel = default)
    {
        var unsent = ledger.Unsent(job, period);
        if (unsent.Count == 0)
        {
            return new DeliveryTally(0, 0, 0, 0, []);
        }

        int sent = 0, recovered = 0, failed = 0, notTried = 0;
        var errors = new List<string>();
        using var transport = transports.Open();
        for (var i = 0; i < unsent.Count; i++)
        {
            var seen = unsent[i];
            lease.EnsureHeld();
            cancel.ThrowIfCancellationRequested();
            if (!ledger.Claim(seen, lease.Owner))
            {
                continue;
            }

            if (seen.Status == DeliveryStatus.Sending && transport.AlreadyDelivered(seen))
            {
                ledger.MarkSent(seen.Key, lease.Owner, transport.Name);
                recovered++;
                progress?.Invoke($"  already delivered {seen.Key} (found after an interrupted run)");
                continue;
            }

            try
            {
                transport.Send(seen, ReportMail.Compose(seen, transports.From, time.GetUtcNow()));
            }
            catch (MailUnavailableException e)
            {
                ledger.MarkFailed(seen.Key, lease.Owner, e.Message);
                failed++;
                notTried = unsent.Count - i - 1;
                errors.Add($"{seen.Key}: {e.Message}");
                progress?.Invoke($"  FAILED {seen.Key}: {e.Message}; {notTried} more left for the next attempt");
                break;
            }
            catch (Exception e) when (e is not LockLostException and not OutOfMemoryException)
            {
                ledger.MarkFailed(seen.Key, lease.Owner, e.Message);
                failed++;
                errors.Add($"{seen.Key}: {e.Message}");
                progress?.Invoke($"  FAILED {seen.Key}: {e.Message}");
                continue;
            }

            ledger.MarkSent(seen.Key, lease.Owner, transport.Name);
            sent++;
            progress?.Invoke($"  sent {seen.Key} ({transport.Name})");
        }

        return new DeliveryTally(sent, recovered, failed, notTried, errors);
    }
}
