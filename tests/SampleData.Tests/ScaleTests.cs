using SupportLens.SampleData.Scale;

namespace SupportLens.SampleData.Tests;

public sealed class ScaleTests
{
    [Fact]
    public void Scale_streams_exactly_the_number_of_tickets_asked_for_and_only_clients_and_tickets()
    {
        using var dir = new TempDirectory();
        var result = SampleDataGenerator.Generate(new SampleDataOptions { ScaleTickets = 50_000 }, dir.Path);
        Assert.Equal(["clients.csv", "tickets.csv"], result.Files.Select(f => f.Path));
        Assert.Equal([40L, 50_000L], result.Files.Select(f => f.Rows));
        Assert.Equal(50_001, File.ReadLines(dir.File("tickets.csv")).Count());
        Assert.Equal(41, File.ReadLines(dir.File("clients.csv")).Count());
        Assert.Equal(new[] { "clients.csv", "tickets.csv" }, Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order());
        var ids = File.ReadLines(dir.File("tickets.csv")).Skip(1).Select(l => l[..l.IndexOf(',')]).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void The_scaled_stream_is_the_rows_the_scale_files_hold()
    {
        using var dir = new TempDirectory();
        SampleDataGenerator.Generate(new SampleDataOptions { ScaleTickets = 3_000 }, dir.Path);
        var history = new ScaledHistory(3_000);

        var clients = SampleFiles.Csv(dir.File("clients.csv"));
        Assert.Equal(clients.Select(c => (c["client_id"], c["tier"], c["timezone"])), history.Clients.Select(c => (c.ClientId, c.Tier, c.TimeZone)));

        var files = SampleFiles.Csv(dir.File("tickets.csv"));
        var rows = history.Tickets().ToList();
        Assert.Equal(files.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (file, row) = (files[i], rows[i]);
            Assert.Equal(file["ticket_id"], row.TicketId);
            Assert.Equal(file["client_id"], row.ClientId);
            Assert.Equal(file["created_at"], Iso(row.CreatedAt));
            Assert.Equal(file["status"], row.Status);
            Assert.Equal(file["first_response_at"], row.FirstResponseAt is { } fr ? Iso(fr) : "");
            Assert.Equal(file["solved_at"], row.SolvedAt is { } solved ? Iso(solved) : "");
            Assert.Equal(file["escalated"], row.Escalated ? "true" : "false");
        }
        Assert.All(rows, r => Assert.InRange(r.CreatedAt, history.From, history.Until));

        // A second enumeration starts the same sequence again.
        Assert.Equal(rows.Take(100), history.Tickets().Take(100));
    }

    [Fact]
    public void The_scaled_history_keeps_the_default_shape_tiers_channels_and_weekdays()
    {
        var history = new ScaledHistory(200_000);
        var tiers = history.Clients.ToDictionary(c => c.ClientId, c => c.Tier);
        var rows = history.Tickets().ToList();
        // Starters have no phone line (the plan), enterprises take a third of theirs by phone.
        Assert.DoesNotContain(rows, r => r.Channel == "phone" && tiers[r.ClientId] == "starter");
        var enterprise = rows.Where(r => tiers[r.ClientId] == "enterprise").ToList();
        Assert.InRange(enterprise.Count(r => r.Channel == "phone") / (double)enterprise.Count, 0.25, 0.4);
        // Brokerages work weekdays: a Saturday gets a small fraction of a Monday's tickets.
        var byDay = rows.GroupBy(r => r.CreatedAt.ToOffset(TimeSpan.FromHours(-5)).DayOfWeek).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byDay[DayOfWeek.Saturday] < byDay[DayOfWeek.Monday] * 0.3, $"Saturday {byDay[DayOfWeek.Saturday]}, Monday {byDay[DayOfWeek.Monday]}");
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
