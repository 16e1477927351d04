namespace SupportLens.Ingest.Tests.Validation;

/// <summary>Interval volume exports (DESIGN.md §3): counts per interval from telephony/ACD and chat platforms.</summary>
public sealed class VolumeTests
{
    private const string Header = "interval_start,interval_minutes,channel,client_id,queue,offered,handled,abandoned,avg_handle_seconds,avg_wait_seconds,service_level_pct\n";

    private static string Rows(IngestFixture f) => (string)f.Scalar(
        "SELECT string_agg(concat_ws('|', strftime(interval_start AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%MZ'), interval_minutes, channel, coalesce(client_id, '-'), " +
        "coalesce(queue, '-'), offered, coalesce(handled::VARCHAR, '-'), coalesce(abandoned::VARCHAR, '-'), coalesce(avg_handle_seconds::VARCHAR, '-'), " +
        "coalesce(avg_wait_seconds::VARCHAR, '-'), coalesce(service_level_pct::VARCHAR, '-')), chr(10) ORDER BY interval_start, channel, queue) FROM volume_intervals")!;

    [Fact]
    public void A_generic_volume_csv_loads_and_every_rule_of_an_interval_is_checked()
    {
        using var f = new IngestFixture();
        f.LoadClients();
        var csv = Header +
                  "2024-03-04T09:00:00Z,15,phone,C1,Tier 1,40,36,4,245.5,31,87.5\n" +      // 2 fine
                  "2024-03-04T09:15:00Z,15,chat,,Chat EN,12,12,0,,,\n" +                    // 3 fine: no client, optional fields empty
                  "2024-03-04T09:10:00Z,15,phone,C1,Tier 1,5,5,0,,,\n" +                     // 4 not on a 15-minute boundary
                  "2024-03-04T09:00:00Z,20,phone,C1,Tier 1,5,5,0,,,\n" +                     // 5 20-minute intervals
                  "2024-03-04T09:30:00Z,30,phone,C1,Tier 1,10,8,4,,,\n" +                    // 6 handled + abandoned > offered
                  "2024-03-04T10:00:00Z,60,email,C2,,10,10,0,,,120\n" +                      // 7 service level over 100
                  "2024-03-04T10:00:00Z,60,email,C2,,-1,,,,,\n" +                            // 8 negative count
                  "2024-03-04T10:00:00Z,60,fax,C2,,1,,,,,\n" +                               // 9 unknown channel
                  "2024-03-04T10:00:00Z,60,phone,NOPE,,1,,,,,\n" +                           // 10 unknown client
                  "2024-03-04T00:00:00Z,1440,phone,C2,,300,280,20,200,15,91\n" +             // 11 a day
                  "2024-03-04T06:00:00Z,1440,phone,C2,,300,280,20,200,15,91\n";              // 12 a day must start at midnight
        var report = f.Ingest(IngestKind.Volume, f.Write("volume.csv", csv));
        Assert.Equal(("loaded", 11L, 3L, 8L), (report.Status, report.RowsRead, report.RowsLoaded, report.RowsRejected));
        var reasons = report.Errors.ToDictionary(e => e.Line, e => $"{e.Column}: {e.Reason}");
        Assert.Equal("interval_start: interval_start 09:10 (UTC) is not on a 15-minute boundary", reasons[4]);
        Assert.Equal("interval_minutes: interval_minutes must be 15, 30, 60 or 1440", reasons[5]);
        Assert.Equal("handled: handled (8) + abandoned (4) is more than offered (10)", reasons[6]);
        Assert.Equal("service_level_pct: service_level_pct must be between 0 and 100", reasons[7]);
        Assert.Equal("offered: offered must be between 0 and 2147483647", reasons[8]);
        Assert.StartsWith("channel: channel must be one of", reasons[9]);
        Assert.StartsWith("client_id: unknown client_id", reasons[10]);
        Assert.Equal("interval_start: interval_start 06:00 (UTC) is not on a 1440-minute boundary (a day starts at midnight)", reasons[12]);
        Assert.Equal(
            "2024-03-04T00:00Z|1440|phone|C2|-|300|280|20|200.0|15.0|91.0\n" +
            "2024-03-04T09:00Z|15|phone|C1|Tier 1|40|36|4|245.5|31.0|87.5\n" +
            "2024-03-04T09:15Z|15|chat|-|Chat EN|12|12|0|-|-|-", Rows(f));
    }

    [Fact]
    public void Reloading_an_export_changes_nothing_and_a_revised_interval_replaces_the_stored_one()
    {
        using var f = new IngestFixture();
        var csv = Header + "2024-03-04T09:00:00Z,30,phone,,Tier 1,40,36,4,,,\n2024-03-04T09:00:00Z,30,chat,,Tier 1,9,9,0,,,\n";
        Assert.Equal(2L, f.Ingest(IngestKind.Volume, f.Write("a.csv", csv)).RowsInserted);
        var again = f.Ingest(IngestKind.Volume, f.Write("a.csv", csv));
        Assert.Equal((2L, 0L, 0L), (again.RowsLoaded, again.RowsInserted, again.RowsUpdated));
        var revised = f.Ingest(IngestKind.Volume, f.Write("b.csv", Header + "2024-03-04T09:00:00Z,30,phone,,Tier 1,41,37,4,,,\n2024-03-04T09:00:00Z,30,phone,,Tier 2,3,3,0,,,\n"));
        Assert.Equal((1L, 1L), (revised.RowsInserted, revised.RowsUpdated));
        Assert.Equal(3L, f.Count("SELECT count(*) FROM volume_intervals"));
        Assert.Equal(41L, f.Count("SELECT offered FROM volume_intervals WHERE channel = 'phone' AND queue = 'Tier 1'"));
    }

    [Fact]
    public void Volume_loads_from_json_too()
    {
        using var f = new IngestFixture();
        var json = """
            {"volume": [
              {"interval_start": "2024-03-04T09:00:00+01:00", "interval_minutes": 60, "channel": "chat", "queue": "EU", "offered": 20, "handled": 19, "abandoned": 1, "service_level_pct": 95},
              {"interval_start": "2024-03-04T10:00:00+01:00", "interval_minutes": 60, "channel": "chat", "queue": "EU", "offered": 25}
            ]}
            """;
        var report = f.Ingest(IngestKind.Volume, f.Write("volume.json", json), timezone: "Europe/Paris");
        Assert.Equal((2L, 0L), (report.RowsLoaded, report.RowsRejected));
        Assert.Equal(
            "2024-03-04T08:00Z|60|chat|-|EU|20|19|1|-|-|95.0\n" +
            "2024-03-04T09:00Z|60|chat|-|EU|25|-|-|-|-|-", Rows(f));
    }

    // An ACD queue interval export as contact-centre platforms write it (Genesys/Five9-like): local naive times of the
    // account's zone, the media type, durations as h:mm:ss and the service level with a percent sign. The night of
    // 3 November 2024 New York repeats 01:00-01:59; on 10 March 2024 it skips 02:00-02:59.
    private const string AcdExport =
        "Interval Start,Interval,Queue,Media Type,Offered,Answered,Abandoned,Avg Handle,Avg Wait,Service Level %,Direction\n" +
        "11/03/2024 00:30,30,Support EN,Voice,14,13,1,0:05:10,0:00:42,85.7%,Inbound\n" +
        "11/03/2024 01:00,30,Support EN,Voice,9,9,0,0:04:00,0:00:20,100%,Inbound\n" +
        "11/03/2024 01:30,30,Support EN,Voice,7,6,1,0:06:30,0:01:05,71.4%,Inbound\n" +
        "11/03/2024 01:00,30,Support EN,Voice,8,8,0,0:03:50,0:00:15,100%,Inbound\n" +
        "11/03/2024 01:30,30,Support EN,Voice,5,5,0,0:04:10,0:00:10,100%,Inbound\n" +
        "11/03/2024 02:00,30,Support EN,Voice,6,5,1,0:05:00,0:00:55,83.3%,Inbound\n" +
        "11/03/2024 01:00,30,Support EN,Callback,2,2,0,0:02:00,0:00:00,100%,Outbound\n" +
        "11/03/2024 01:00,30,Support EN,Chat,4,4,0,0:12:00,0:00:30,100%,Inbound\n" +
        "03/10/2024 01:30,30,Support EN,Voice,3,3,0,0:04:00,0:00:20,100%,Inbound\n" +
        "03/10/2024 02:00,30,Support EN,Voice,0,0,0,,,,Inbound\n" +
        "03/10/2024 03:00,30,Support EN,Voice,4,4,0,0:04:00,0:00:20,100%,Inbound\n";

    private const string AcdMapping = """
        {
          "kind": "volume",
          "source": "acd",
          "timezone": "America/New_York",
          "filters": [ { "column": "Direction", "equals": "Inbound" } ],
          "fields": {
            "interval_start": { "column": "Interval Start", "format": "MM/dd/yyyy HH:mm" },
            "interval_minutes": "Interval",
            "queue": "Queue",
            "channel": { "column": "Media Type", "values": { "Voice": "phone", "Callback": "phone", "Message": "chat" } },
            "offered": "Offered",
            "handled": "Answered",
            "abandoned": "Abandoned",
            "avg_handle_seconds": { "column": "Avg Handle", "format": "h:mm:ss" },
            "avg_wait_seconds": { "column": "Avg Wait", "format": "h:mm:ss" },
            "service_level_pct": "Service Level %"
          }
        }
        """;

    [Fact]
    public void An_acd_interval_export_with_local_times_across_both_dst_changes_loads_through_a_mapping_file()
    {
        using var f = new IngestFixture();
        var report = f.Ingest(IngestKind.Volume, f.Write("queue-intervals.csv", AcdExport), f.Write("acd.mapping.json", AcdMapping));
        Assert.Equal(("loaded", 11L, 9L, 1L, 1L), (report.Status, report.RowsRead, report.RowsLoaded, report.RowsRejected, report.RowsFiltered));
        var gap = Assert.Single(report.Errors);
        Assert.Equal((11L, "Interval Start", "03/10/2024 02:00"), (gap.Line, gap.Column, gap.Value));
        Assert.Equal("interval_start 2024-03-10 02:00 does not exist in America/New_York (the clock skipped it)", gap.Reason);
        // EDT is UTC-4 until 02:00 on 3 November, EST UTC-5 after: the repeated 01:00 and 01:30 are an hour apart.
        Assert.Equal(
            "2024-03-10T06:30Z|30|phone|-|Support EN|3|3|0|240.0|20.0|100.0\n" +
            "2024-03-10T07:00Z|30|phone|-|Support EN|4|4|0|240.0|20.0|100.0\n" +
            "2024-11-03T04:30Z|30|phone|-|Support EN|14|13|1|310.0|42.0|85.7\n" +
            "2024-11-03T05:00Z|30|chat|-|Support EN|4|4|0|720.0|30.0|100.0\n" +
            "2024-11-03T05:00Z|30|phone|-|Support EN|9|9|0|240.0|20.0|100.0\n" +
            "2024-11-03T05:30Z|30|phone|-|Support EN|7|6|1|390.0|65.0|71.4\n" +
            "2024-11-03T06:00Z|30|phone|-|Support EN|8|8|0|230.0|15.0|100.0\n" +
            "2024-11-03T06:30Z|30|phone|-|Support EN|5|5|0|250.0|10.0|100.0\n" +
            "2024-11-03T07:00Z|30|phone|-|Support EN|6|5|1|300.0|55.0|83.3", Rows(f));
        // The fall-back night holds 25 hours of intervals, none lost: 14 + 9 + 7 + 8 + 5 + 6 voice contacts.
        Assert.Equal(49L, f.Count("SELECT sum(offered)::BIGINT FROM volume_intervals WHERE channel = 'phone' AND interval_start >= '2024-11-03T04:00:00Z'"));
    }

    [Fact]
    public void Daily_intervals_start_at_local_midnight()
    {
        using var f = new IngestFixture();
        var csv = Header + "2024-11-03 00:00,1440,phone,,,500,480,20,,,\n2024-11-04 00:00,1440,phone,,,450,440,10,,,\n2024-11-04 01:00,1440,phone,,,1,1,0,,,\n";
        var report = f.Ingest(IngestKind.Volume, f.Write("daily.csv", csv), timezone: "America/New_York");
        Assert.Equal((2L, 1L), (report.RowsLoaded, report.RowsRejected));
        Assert.Equal("interval_start 01:00 (America/New_York) is not on a 1440-minute boundary (a day starts at midnight)", report.Errors[0].Reason);
        Assert.Equal(new DateTimeOffset(2024, 11, 3, 4, 0, 0, TimeSpan.Zero), f.Scalar("SELECT min(interval_start) FROM volume_intervals"));
        Assert.Equal(new DateTimeOffset(2024, 11, 4, 5, 0, 0, TimeSpan.Zero), f.Scalar("SELECT max(interval_start) FROM volume_intervals"));
    }
}
