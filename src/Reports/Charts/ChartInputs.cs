namespace SupportLens.Reports.Charts;

/// <summary>A value at an instant; null where nothing was measured (the line breaks there).</summary>
public sealed record TimeValue(DateTimeOffset At, double? Value);

/// <summary>A named series over time, e.g. tickets per day.</summary>
public sealed record TimeSeries(string Name, IReadOnlyList<TimeValue> Points);

/// <summary>A forecast interval at an instant.</summary>
public sealed record BandValue(DateTimeOffset At, double Low, double High);

/// <summary>A forecast interval over time, e.g. the 80 % interval (<paramref name="Level"/> 0.8).</summary>
public sealed record ForecastBand(string Name, double Level, IReadOnlyList<BandValue> Points);

/// <summary>A target drawn as a dashed line, e.g. 95 with the label "Target ≥ 95 %".</summary>
public sealed record TargetLine(double Value, string Label);

/// <summary>A value under a category label (a tier, a channel, a client, a month); null when not measured.</summary>
public sealed record LabelledValue(string Label, double? Value);

/// <summary>A named series over categories; several series make grouped or stacked bars.</summary>
/// <param name="Color">The series' own colour where it means something (health bands); null takes the palette's next one.</param>
public sealed record CategorySeries(string Name, IReadOnlyList<LabelledValue> Values, SkiaSharp.SKColor? Color = null);

/// <summary>One value of a figure as a dashboard shows it on hover and offers it as CSV.</summary>
/// <param name="Series">The series (or row) the value belongs to.</param>
/// <param name="Label">Its category or date (dates in the reporting time zone, ISO 8601).</param>
/// <param name="Value">The number, or null when not measured.</param>
/// <param name="Display">The value as printed, e.g. "96.4 %" or "–".</param>
/// <param name="Low">Lower end of an interval, for forecast bands.</param>
/// <param name="High">Upper end of an interval, for forecast bands.</param>
/// <param name="Target">The target this value is measured against, if any.</param>
public sealed record ChartValue(
    string Series,
    string Label,
    double? Value,
    string Display,
    double? Low = null,
    double? High = null,
    double? Target = null);
