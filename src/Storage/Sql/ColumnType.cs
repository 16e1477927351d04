using System.Globalization;
using System.Text.RegularExpressions;

namespace SupportLens.Storage.Sql;

/// <summary>The storage kinds a <see cref="TableAppender"/> converts values to, one per DuckDB column type it accepts.</summary>
internal enum ColumnKind
{
    Boolean,
    TinyInt,
    SmallInt,
    Integer,
    BigInt,
    HugeInt,
    UTinyInt,
    USmallInt,
    UInteger,
    UBigInt,
    Float,
    Double,
    Decimal,
    Varchar,
    Enum,
    Date,
    Timestamp,
    TimestampTz,
    Time,
    Interval,
    Uuid,
    Blob,
    Unsupported,
}

/// <summary>A column as <c>DESCRIBE</c> names it, with the kind and, for DECIMAL, the width and scale its values must fit.</summary>
internal sealed partial record ColumnType(string Name, string SqlType, ColumnKind Kind, int Width = 0, int Scale = 0)
{
    public static ColumnType Parse(string name, string sqlType)
    {
        var type = sqlType.Trim().ToUpperInvariant();
        if (DecimalPattern().Match(type) is { Success: true } match)
        {
            return new ColumnType(name, sqlType, ColumnKind.Decimal,
                int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        }
        var kind = type switch
        {
            "BOOLEAN" => ColumnKind.Boolean,
            "TINYINT" => ColumnKind.TinyInt,
            "SMALLINT" => ColumnKind.SmallInt,
            "INTEGER" => ColumnKind.Integer,
            "BIGINT" => ColumnKind.BigInt,
            "HUGEINT" => ColumnKind.HugeInt,
            "UTINYINT" => ColumnKind.UTinyInt,
            "USMALLINT" => ColumnKind.USmallInt,
            "UINTEGER" => ColumnKind.UInteger,
            "UBIGINT" => ColumnKind.UBigInt,
            "FLOAT" => ColumnKind.Float,
            "DOUBLE" => ColumnKind.Double,
            "DECIMAL" => ColumnKind.Decimal,
            "VARCHAR" => ColumnKind.Varchar,
            "DATE" => ColumnKind.Date,
            "TIMESTAMP" => ColumnKind.Timestamp,
            "TIMESTAMP WITH TIME ZONE" => ColumnKind.TimestampTz,
            "TIME" => ColumnKind.Time,
            "INTERVAL" => ColumnKind.Interval,
            "UUID" => ColumnKind.Uuid,
            "BLOB" => ColumnKind.Blob,
            _ when type.StartsWith("ENUM(", StringComparison.Ordinal) => ColumnKind.Enum,
            _ => ColumnKind.Unsupported,
        };
        // A bare DECIMAL is DECIMAL(18,3) in DuckDB.
        return kind == ColumnKind.Decimal ? new ColumnType(name, sqlType, kind, 18, 3) : new ColumnType(name, sqlType, kind);
    }

    public override string ToString() => $"{Name} ({SqlType})";

    [GeneratedRegex(@"^DECIMAL\((\d+),\s*(\d+)\)$")]
    private static partial Regex DecimalPattern();
}
