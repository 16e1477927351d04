using MimeKit;
using SupportLens.Web.Jobs.Ledger;

namespace SupportLens.Web.Delivery;

/// <summary>How messages leave: SMTP, or .eml files in DATA/outbox when no SMTP server is configured.</summary>
internal interface IMailTransport : IDisposable
{
    /// <summary>"smtp" or "outbox", recorded with each sent delivery.</summary>
    string Name { get; }

    /// <summary>
    /// Whether a delivery found "sending" after a crash is known to have left already (the outbox can tell: its file is
    /// there). An SMTP server cannot be asked, so SMTP says false and the message is sent again with the same Message-ID.
    /// </summary>
    bool AlreadyDelivered(ReportDelivery delivery);

    /// <summary>Hands the message over; returns once it was accepted.</summary>
    /// <exception cref="MailUnavailableException">The server cannot be reached at all: stop trying the rest for now.</exception>
    void Send(ReportDelivery delivery, MimeMessage message);
}

/// <summary>The mail server cannot be reached or refuses us: every remaining delivery of the run would fail the same way.</summary>
internal sealed class MailUnavailableException(string message, Exception inner) : Exception(message, inner);
