using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace SupportLens.SampleData.Tests.Contacts;

/// <summary>The interval volume export: the `volume` kind's columns, and contacts that agree with the tickets.</summary>
[Collection(SampleDataCollection.Name)]
public sealed class VolumeTests(SampleDataFixture fixture)
{
    private static readonly OffsetDateTimePattern WithOffset = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<m>");

    private List<Dictionary<string, string>> Volume() => SampleFiles.Csv(fixture.File("volume.csv.gz"));

    [Fact]
    public void The_file_has_the_volume_kind_s_columns_in_order()
    {
        var header = SampleFiles.ReadText(fixture.File("volume.csv.gz")).Split('\n')[0];
        Assert.Equal("interval_start,interval_minutes,channel,client_id,offered,handled,abandoned,avg_handle_seconds,avg_wait_seconds,service_level_pct", header);
    }

    [Fact]
    public void Every_row_is_a_30_minute_interval_whose_offered_contacts_are_handled_plus_abandoned()
    {
        var clients = SampleFiles.Csv(fixture.File("clients.csv")).Select(c => c["client_id"]).ToHashSet();
        var rows = Volume();
        Assert.InRange(rows.Count, 5_000, 40_000);
        var keys = new HashSet<(Instant, string, string)>();
        foreach (var r in rows)
        {
            var parsed = WithOffset.Parse(r["interval_start"]);
            Assert.True(parsed.Success, $"'{r["interval_start"]}' is not ISO-8601 with an offset");
            var start = parsed.Value;
            // Local time in the reporting zone, with that zone's offset at the instant (EDT -04:00 or EST -05:00).
            Assert.Equal(DateTimeZoneProviders.Tzdb["America/New_York"].GetUtcOffset(start.ToInstant()), start.Offset);
            Assert.Contains(start.Minute, new[] { 0, 30 });
            Assert.Equal(0, start.Second);
            Assert.Equal("30", r["interval_minutes"]);
            Assert.Contains(r["channel"], new[] { "phone", "chat" });
            Assert.Contains(r["client_id"], clients);
            Assert.True(keys.Add((start.ToInstant(), r["channel"], r["client_id"])), $"{r["interval_start"]} {r["channel"]} {r["client_id"]} twice");

            var (offered, handled, abandoned) = (Int(r["offered"]), Int(r["handled"]), Int(r["abandoned"]));
            Assert.True(offered > 0);
            Assert.Equal(handled + abandoned, offered);
            Assert.Equal(handled == 0, r["avg_handle_seconds"].Length == 0);
            Assert.Equal(handled == 0, r["avg_wait_seconds"].Length == 0);
            if (handled > 0)
            {
                Assert.InRange(Double(r["avg_handle_seconds"]), 30, 7_200);
                Assert.InRange(Double(r["avg_wait_seconds"]), 0, 3_600);
            }
            // Answered within 60 s can be at most the handled share of the offered contacts.
            Assert.InRange(Double(r["service_level_pct"]), 0, 100.0 * handled / offered + 0.05);
        }
    }

    [Fact]
    public void Handled_contacts_are_the_phone_and_chat_tickets_created_in_the_interval()
    {
        var tickets = SampleFiles.Csv(fixture.File("tickets.csv.gz"))
            .Where(t => t["channel"] is "phone" or "chat")
            .GroupBy(t => (Interval(t["created_at"]), t["channel"], t["client_id"]))
            .ToDictionary(g => g.Key, g => g.Count());
        var volume = Volume().ToDictionary(r => (WithOffset.Parse(r["interval_start"]).Value.ToInstant(), r["channel"], r["client_id"]), r => Int(r["handled"]));

        Assert.NotEmpty(tickets);
        foreach (var (key, count) in tickets)
        {
            Assert.True(volume.TryGetValue(key, out var handled), $"no volume row for {key} with {count} tickets");
            Assert.Equal(count, handled);
        }
        // And no row claims handled contacts that are not tickets.
        Assert.All(volume.Where(v => v.Value > 0), v => Assert.True(tickets.ContainsKey(v.Key), $"{v.Key}: {v.Value} handled, no ticket"));
    }

    [Fact]
    public void Abandonment_is_plausible_and_rises_when_the_queue_is_overloaded()
    {
        var summary = fixture.Result.Summary!;
        foreach (var (channel, figures) in summary.ContactsByChannel)
        {
            Assert.InRange(figures.AbandonedShare!.Value, 0.01, 0.12);
            Assert.InRange(figures.ServiceLevel!.Value, 0.75, 0.99);
            Assert.InRange(figures.AvgWaitSeconds!.Value, 2, 60);
            Assert.True(figures.Handled > 1_000, $"{channel}: {figures.Handled} handled");
        }
        var normal = summary.ContactsInOtherWeeks;
        var overloaded = summary.OverloadedWeeks.Where(w => w.PeakBacklogHours > 20).ToList();
        Assert.NotEmpty(overloaded);
        foreach (var week in overloaded)
        {
            Assert.True(week.Contacts.AbandonedShare > normal.AbandonedShare, $"week of {week.Monday}: {week.Contacts.AbandonedShare:P1} abandoned, other weeks {normal.AbandonedShare:P1}");
            Assert.True(week.Contacts.ServiceLevel < normal.ServiceLevel, $"week of {week.Monday}: service level {week.Contacts.ServiceLevel:P1}, other weeks {normal.ServiceLevel:P1}");
        }
    }

    private static Instant Interval(string createdAt)
    {
        var t = InstantPattern.General.Parse(createdAt).Value;
        var seconds = t.ToUnixTimeSeconds();
        return Instant.FromUnixTimeSeconds(seconds - seconds % 1800);
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    private static double Double(string value) => double.Parse(value, CultureInfo.InvariantCulture);
}
