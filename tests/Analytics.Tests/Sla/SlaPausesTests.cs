using NodaTime;
using SupportLens.Analytics.Sla;
using static SupportLens.Analytics.Tests.Sla.TestTime;

namespace SupportLens.Analytics.Tests.Sla;

public class SlaPausesTests
{
    [Fact]
    public void Pending_and_on_hold_in_a_row_are_one_pause()
    {
        var pauses = SlaPauses.FromStatusChanges(
        [
            new(Utc("2026-05-04T13:00:00Z"), TicketStatus.Open),       // listed out of order on purpose
            new(Utc("2026-05-04T11:00:00Z"), TicketStatus.OnHold),
            new(Utc("2026-05-04T10:00:00Z"), TicketStatus.Pending),
            new(Utc("2026-05-04T15:00:00Z"), TicketStatus.Pending),
            new(Utc("2026-05-04T16:00:00Z"), TicketStatus.Solved),
        ], Utc("2026-05-05T00:00:00Z"));

        Assert.Equal(
            [
                new Interval(Utc("2026-05-04T10:00:00Z"), Utc("2026-05-04T13:00:00Z")),
                new Interval(Utc("2026-05-04T15:00:00Z"), Utc("2026-05-04T16:00:00Z")),
            ],
            pauses);
    }

    [Fact]
    public void A_running_pause_ends_as_of_now_and_later_events_are_ignored()
    {
        var pauses = SlaPauses.FromStatusChanges(
        [
            new(Utc("2026-05-04T10:00:00Z"), TicketStatus.Pending),
            new(Utc("2026-05-04T18:00:00Z"), TicketStatus.Open),
        ], Utc("2026-05-04T12:00:00Z"));

        Assert.Equal([new Interval(Utc("2026-05-04T10:00:00Z"), Utc("2026-05-04T12:00:00Z"))], pauses);
    }

    [Fact]
    public void Normalize_merges_overlaps_and_clips_before_creation()
    {
        var created = Utc("2026-05-04T10:00:00Z");
        var normalized = SlaPauses.Normalize(
        [
            new Interval(Utc("2026-05-04T09:00:00Z"), Utc("2026-05-04T11:00:00Z")),
            new Interval(Utc("2026-05-04T10:30:00Z"), Utc("2026-05-04T12:00:00Z")),
            new Interval(Utc("2026-05-04T08:00:00Z"), Utc("2026-05-04T09:00:00Z")),
        ], created);

        Assert.Equal([new Interval(created, Utc("2026-05-04T12:00:00Z"))], normalized);
    }
}
