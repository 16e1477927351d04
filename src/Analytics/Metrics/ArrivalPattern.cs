using NodaTime;
using SupportLens.Analytics.Sql;
using SupportLens.Storage;

namespace SupportLens.Analytics.Metrics;

/// <summary>Tickets created in one hour of one weekday over a period, and their mean per occurrence of that weekday.</summary>
/// <param name="Hour">Local hour 0–23 in the reporting time zone.</param>
/// <param name="PerDay">
/// Tickets / the number of times the weekday occurs in the period: the typical hour's load; null when the period has no
/// such weekday.
/// </param>
public sealed record ArrivalCell(IsoDayOfWeek Day, int Hour, long Tickets, double? PerDay);

/// <summary>When tickets arrive: every hour of every weekday of the period (7 × 24 cells, zeros included).</summary>
public sealed record ArrivalPattern(ReportingPeriod Period, long Tickets, IReadOnlyList<ArrivalCell> Cells);

/// <summary>
/// Ticket arrivals by local weekday and hour, in the reporting time zone (the hour a DST change repeats counts twice,
/// the one it skips has none): tickets counted by creation in the period, as <c>metrics</c> counts them.
/// </summary>
public sealed class ArrivalPatterns(Warehouse warehouse)
{
    public ArrivalPattern Compute(ReportingPeriod period)
    {
        var counts = new long[7, 24];
        using (var connection = warehouse.OpenConnection())
        using (var command = connection.CreateCommand($"""
            SELECT isodow(timezone($zone, created_at)) AS day, hour(timezone($zone, created_at)) AS hour, count(*)
            FROM tickets
            WHERE created_at >= {SqlInstant.Literal(period.StartUtc)} AND created_at < {SqlInstant.Literal(period.EndUtc)}
            GROUP BY ALL
            """))
        {
            command.Parameters.Add("zone", period.Zone.Id);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                counts[Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) - 1,
                       Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)] = reader.GetInt64(2);
            }
        }

        var occurrences = new int[7];
        for (var day = period.From; day <= period.To; day = day.PlusDays(1))
        {
            occurrences[(int)day.DayOfWeek - 1]++;
        }

        var cells = new List<ArrivalCell>(7 * 24);
        long total = 0;
        for (var d = 0; d < 7; d++)
        {
            for (var hour = 0; hour < 24; hour++)
            {
                total += counts[d, hour];
                cells.Add(new ArrivalCell((IsoDayOfWeek)(d + 1), hour, counts[d, hour], occurrences[d] == 0 ? null : (double)counts[d, hour] / occurrences[d]));
            }
        }
        return new ArrivalPattern(period, total, cells);
    }
}
