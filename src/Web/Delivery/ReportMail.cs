using System.Globalization;
using MimeKit;
using SupportLens.Web.Jobs.Ledger;

namespace SupportLens.Web.Delivery;

/// <summary>The message that carries one report to one recipient, built the same way on every attempt.</summary>
internal static class ReportMail
{
    public static MimeMessage Compose(ReportDelivery delivery, MailboxAddress from, DateTimeOffset now)
    {
        var message = new MimeMessage
        {
            Subject = delivery.Subject,
            MessageId = delivery.MessageId,
            Date = now,
        };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(delivery.Key.Recipient));
        message.Headers.Add("X-SupportLens-Report", delivery.Key.Report);
        message.Headers.Add("X-SupportLens-Period", delivery.Key.Period);

        var file = new FileInfo(delivery.File);
        var body = new BodyBuilder
        {
            TextBody = string.Create(CultureInfo.InvariantCulture, $"""
                {delivery.Subject}

                The report is attached ({file.Name}, {file.Length / 1024.0:0.#} KB).

                Sent by SupportLens's {delivery.Job} job. You receive it as a recipient of this report; one message per
                report, period and recipient.
                """),
        };
        body.Attachments.Add(file.Name, File.ReadAllBytes(file.FullName), new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>The domain Message-IDs are minted in: the sender's.</summary>
    public static string Domain(MailboxAddress from) => from.Domain is { Length: > 0 } domain ? domain : "supportlens.local";
}
