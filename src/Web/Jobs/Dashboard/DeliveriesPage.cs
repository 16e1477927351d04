using System.Globalization;
using System.Text;
using SupportLens.Web.Delivery;
using SupportLens.Web.Jobs.Ledger;

namespace SupportLens.Web.Jobs.Dashboard;

/// <summary>/jobs/supportlens/deliveries: every delivery not yet sent (failed ones with their error), then the latest sent.</summary>
internal sealed class DeliveriesPage() : LedgerPage("Deliveries")
{
    public const string Route = "/supportlens/deliveries";

    protected override void Body(StringBuilder html, IServiceProvider services)
    {
        var deliveries = Service<DeliveryLedger>(services).Overview(sentLimit: 300);
        var unsent = deliveries.Count(d => d.Status != DeliveryStatus.Sent);
        html.Append(CultureInfo.InvariantCulture,
            $"<p>One row per report, period and recipient: each is sent once. Mail goes through {Encode(Service<MailTransports>(services).Description)}. ")
            .Append(CultureInfo.InvariantCulture, $"<strong>{unsent}</strong> not sent yet; a failed one is sent again at its job's next attempt.</p>");
        if (deliveries.Count == 0)
        {
            html.Append("<p><em>No deliveries yet.</em></p>");
            return;
        }

        Table(html, ["Report", "Period", "Recipient", "Status", "Attempts", "Last error", "Sent", "Via", "Message-ID"], deliveries.Select(d =>
            (IReadOnlyList<(string, string?)>)
            [
                (Encode(d.Key.Report), null), (Encode(d.Key.Period), null), (Encode(d.Key.Recipient), null),
                (Encode(DeliveryLedger.Name(d.Status)), d.Status switch { DeliveryStatus.Sent => "success", DeliveryStatus.Failed => "danger", _ => "warning" }),
                (d.Attempts.ToString(CultureInfo.InvariantCulture), null), (Encode(d.LastError), null), (When(d.SentAt), null),
                (Encode(d.Transport), null), ($"<code>{Encode(d.MessageId)}</code>", null),
            ]));
    }
}
