using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SupportLens.Web.Tests.Jobs;

/// <summary>A message as the test SMTP server received it.</summary>
internal sealed record ReceivedMessage(string MessageId, string To, string Report, string Period, string Subject, byte[] Attachment);

/// <summary>
/// A real SMTP server on loopback (the SmtpServer package, in this process) that keeps what it receives. Hooks let a
/// test act at the two moments that matter for exactly-once: when the client starts a message (MAIL FROM: the previous
/// message was acknowledged, this one not yet accepted) and when a message was stored but not yet acknowledged.
/// </summary>
internal sealed class TestSmtpServer : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private readonly List<ReceivedMessage> _messages = [];
    private int _started;

    public TestSmtpServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false)).Build();
        var provider = new SmtpServer.ComponentModel.ServiceProvider();
        provider.Add(new Store(this));
        provider.Add(new Filter(this));
        _server = new SmtpServer.SmtpServer(options, provider);
        _running = _server.StartAsync(_stop.Token);
        WaitUntilListening(port);
    }

    public int Port { get; }

    /// <summary>Called with the 1-based number of each MAIL FROM before it is answered.</summary>
    public Action<int>? OnMailFrom { get; set; }

    /// <summary>Called with each stored message (and how many are stored) before the client gets its "250 OK".</summary>
    public Action<ReceivedMessage, int>? OnStored { get; set; }

    public IReadOnlyList<ReceivedMessage> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _server.Shutdown();
        try
        {
            _running.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            // Stopping the server cancels its listener: that is how it ends.
        }

        _stop.Dispose();
    }

    private static void WaitUntilListening(int port)
    {
        if (!SpinWait.SpinUntil(() => Accepts(port), TimeSpan.FromSeconds(5)))
        {
            throw new InvalidOperationException($"the test SMTP server did not listen on port {port}");
        }
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var probe = new TcpClient();
            probe.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(stream);
            var pdf = message.Attachments.OfType<MimePart>().Single();
            using var content = new MemoryStream();
            pdf.Content!.DecodeTo(content);
            var received = new ReceivedMessage(message.MessageId ?? "", message.To.Mailboxes.Single().Address, message.Headers["X-SupportLens-Report"] ?? "",
                message.Headers["X-SupportLens-Period"] ?? "", message.Subject ?? "", content.ToArray());
            int count;
            lock (server._messages)
            {
                server._messages.Add(received);
                count = server._messages.Count;
            }

            server.OnStored?.Invoke(received, count);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class Filter(TestSmtpServer server) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken)
        {
            server.OnMailFrom?.Invoke(Interlocked.Increment(ref server._started));
            return Task.FromResult(true);
        }

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(true);
    }
}
