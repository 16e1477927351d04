using NodaTime;
using NodaTime.TimeZones;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Sla;

/// <summary>
/// A business calendar laid out in DuckDB as its open intervals with the open time before each, so business time
/// between two instants over millions of rows is two ASOF lookups and a subtraction:
/// <c>cum(t) = cum_before + clamp(t − open_start, 0, open_end − open_start)</c> of the last interval starting at or
/// before t, and <c>business(a, b) = cum(b) − cum(a)</c>. Instants are epoch microseconds.
/// Built from the calendar's weekly hours and holidays independently of <see cref="BusinessCalendar"/>'s own walk,
/// which is why the two are tested against each other.
/// </summary>
public static class CalendarTable
{
    public const string Name = "calendar_open";

    // A local opening time that falls in a DST gap opens when the clock resumes; in an overlap, opening takes the
    // first occurrence and closing the second.
    private static readonly ZoneLocalMappingResolver OpensResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    private static readonly ZoneLocalMappingResolver ClosesResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>(Re)creates the temporary table <c>calendar_open</c> for the calendars over [from, to] (local dates).</summary>
    public static void Materialize(WarehouseConnection connection, IEnumerable<BusinessCalendar> calendars, LocalDate from, LocalDate to)
    {
        connection.ExecuteNonQuery($"""
            CREATE OR REPLACE TEMP TABLE {Name} (
                calendar VARCHAR NOT NULL, open_start BIGINT NOT NULL, open_end BIGINT NOT NULL, cum_before BIGINT NOT NULL)
            """);
        using var appender = connection.CreateAppender(Name);
        foreach (var calendar in calendars.DistinctBy(c => c.Name))
        {
            long cumulative = 0;
            foreach (var (start, end) in OpenIntervals(calendar, from, to))
            {
                var startMicros = start.ToUnixTimeTicks() / 10;
                var endMicros = end.ToUnixTimeTicks() / 10;
                appender.Append(calendar.Name).Append(startMicros).Append(endMicros).Append(cumulative).EndRow();
                cumulative += endMicros - startMicros;
            }
        }
        appender.Complete();
    }

    /// <summary>SQL for the open microseconds up to <paramref name="instantMicros"/>, given the ASOF-joined interval alias.</summary>
    public static string CumulativeSql(string interval, string instantMicros) =>
        $"coalesce({interval}.cum_before + least(greatest({instantMicros} - {interval}.open_start, 0), {interval}.open_end - {interval}.open_start), 0)";

    internal static IEnumerable<(Instant Start, Instant End)> OpenIntervals(BusinessCalendar calendar, LocalDate from, LocalDate to)
    {
        (Instant Start, Instant End)? pending = null;
        for (var date = from; date <= to; date = date.PlusDays(1))
        {
            if (calendar.Holidays.IsHoliday(date))
            {
                continue;
            }
            foreach (var hours in calendar.Hours.Where(h => h.Day == date.DayOfWeek))
            {
                var start = calendar.Zone.ResolveLocal(date + hours.Opens, OpensResolver).ToInstant();
                var end = hours.Closes == LocalTime.Midnight
                    ? calendar.Zone.AtStartOfDay(date.PlusDays(1)).ToInstant()
                    : calendar.Zone.ResolveLocal(date + hours.Closes, ClosesResolver).ToInstant();
                if (end <= start)
                {
                    continue;
                }
                // Days open until midnight and from midnight join into one interval.
                if (pending is { } open && open.End == start)
                {
                    pending = (open.Start, end);
                    continue;
                }
                if (pending is { } done)
                {
                    yield return done;
                }
                pending = (start, end);
            }
        }
        if (pending is { } last)
        {
            yield return last;
        }
    }
}
