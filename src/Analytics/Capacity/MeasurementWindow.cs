using NodaTime;

namespace SupportLens.Analytics.Capacity;

/// <summary>
/// The whole reporting-zone days <see cref="From"/> to <see cref="To"/> (inclusive) over which productivity, handle times
/// and the intraday profile are measured: the configured number of weeks up to the last complete day of history.
/// </summary>
public sealed record MeasurementWindow(LocalDate From, LocalDate To, DateTimeZone Zone)
{
    public static MeasurementWindow Before(LocalDate lastDay, int weeks, DateTimeZone zone) =>
        new(lastDay.PlusDays(1 - 7 * weeks), lastDay, zone);

    public Instant Start => From.AtStartOfDayInZone(Zone).ToInstant();

    public Instant End => To.PlusDays(1).AtStartOfDayInZone(Zone).ToInstant();
}
