using System.Globalization;

namespace SupportLens.Analytics.Sql;

internal static class SqlInstant
{
    /// <summary>
    /// An instant as a TIMESTAMPTZ literal. Period bounds go in as literals, not parameters: DuckDB prunes row groups by
    /// their min/max only for constants it sees while planning. They are computed instants, never user text.
    /// </summary>
    internal static string Literal(DateTimeOffset instant) =>
        "TIMESTAMPTZ '" + instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+00'";

    /// <summary>Microseconds since the Unix epoch, to compare with <c>epoch_us(...)</c>.</summary>
    internal static long EpochMicroseconds(DateTimeOffset instant) => (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
}
