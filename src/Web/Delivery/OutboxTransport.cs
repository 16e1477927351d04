using MimeKit;
using SupportLens.Web.Jobs.Ledger;

namespace SupportLens.Web.Delivery;

/// <summary>
/// Without SMTP, each message is an .eml file in DATA/outbox/&lt;period&gt;/, named by its key. Written to a temporary name
/// and renamed, so a file in the outbox is always a whole message, and its presence answers "was it delivered?".
/// </summary>
internal sealed class OutboxTransport(string outboxDirectory) : IMailTransport
{
    public string Name => "outbox";

    public string Directory { get; } = Path.GetFullPath(outboxDirectory);

    public bool AlreadyDelivered(ReportDelivery delivery) => File.Exists(PathOf(delivery.Key));

    public void Send(ReportDelivery delivery, MimeMessage message)
    {
        var path = PathOf(delivery.Key);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            message.WriteTo(stream);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: false);
    }

    public string PathOf(DeliveryKey key) =>
        Path.Combine(Directory, Safe(key.Period), $"{Safe(key.Report)}--{Safe(key.Recipient)}.eml");

    public void Dispose()
    {
    }

    private static string Safe(string text) =>
        string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '@' or '_' ? c : '_'));
}
