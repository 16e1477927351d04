using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using SupportLens.Analytics.Configuration.Jobs;
using SupportLens.Web.Jobs.Ledger;

namespace SupportLens.Web.Delivery;

/// <summary>
/// SMTP through MailKit: one connection per run, opened on the first message and reopened after an error. The password
/// comes from the environment variable the configuration names, never from the file.
/// </summary>
internal sealed class SmtpTransport(SmtpSettings settings) : IMailTransport
{
    private SmtpClient? _client;

    public string Name => "smtp";

    public bool AlreadyDelivered(ReportDelivery delivery) => false;

    public void Send(ReportDelivery delivery, MimeMessage message)
    {
        var client = Connected();
        try
        {
            client.Send(message);
        }
        catch (Exception e) when (e is IOException or SocketException or ServiceNotConnectedException or ProtocolException)
        {
            // The connection is in an unknown state: start the next message on a fresh one.
            Drop();
            throw;
        }
    }

    public void Dispose()
    {
        if (_client is { IsConnected: true } client)
        {
            try
            {
                client.Disconnect(quit: true);
            }
            catch (Exception e) when (e is IOException or SocketException or ProtocolException)
            {
                // Everything sent was already acknowledged; a failed QUIT loses nothing.
            }
        }

        Drop();
    }

    private SmtpClient Connected()
    {
        if (_client is { IsConnected: true } client)
        {
            return client;
        }

        Drop();
        client = new SmtpClient { Timeout = 60_000 };
        try
        {
            client.Connect(settings.Host, settings.Port, Options(settings.Tls));
            if (settings.User.Length > 0)
            {
                var password = Environment.GetEnvironmentVariable(settings.PasswordVariable)
                    ?? throw new AuthenticationException($"the SMTP password variable {settings.PasswordVariable} is not set");
                client.Authenticate(settings.User, password);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or SslHandshakeException or AuthenticationException or ProtocolException
                                      or SmtpCommandException or SmtpProtocolException)
        {
            client.Dispose();
            throw new MailUnavailableException($"SMTP {settings.Host}:{settings.Port}: {e.Message}", e);
        }

        _client = client;
        return client;
    }

    private void Drop()
    {
        _client?.Dispose();
        _client = null;
    }

    private static SecureSocketOptions Options(SmtpTls tls) => tls switch
    {
        SmtpTls.None => SecureSocketOptions.None,
        SmtpTls.StartTls => SecureSocketOptions.StartTls,
        SmtpTls.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
