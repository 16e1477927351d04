using MimeKit;
using SupportLens.Analytics.Configuration;
using SupportLens.Web.Composition;

namespace SupportLens.Web.Delivery;

/// <summary>Picks the transport the configuration asks for: SMTP when a host is set, else the outbox in DATA.</summary>
internal sealed class MailTransports(SupportLensSettings settings, SupportLensOptions options)
{
    public const string OutboxFolder = "outbox";

    public MailboxAddress From { get; } = MailboxAddress.Parse(settings.Jobs.Smtp.From);

    public string OutboxDirectory => Path.Combine(options.DataDirectory, OutboxFolder);

    /// <summary>"smtp host:port" or the outbox path, for messages.</summary>
    public string Description => settings.Jobs.Smtp.IsConfigured
        ? $"SMTP {settings.Jobs.Smtp.Host}:{settings.Jobs.Smtp.Port}"
        : $"the outbox {OutboxDirectory}";

    public IMailTransport Open() =>
        settings.Jobs.Smtp.IsConfigured ? new SmtpTransport(settings.Jobs.Smtp) : new OutboxTransport(OutboxDirectory);
}
