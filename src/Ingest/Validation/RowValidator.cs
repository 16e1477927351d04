using System.Globalization;
using System.Text.RegularExpressions;
using SupportLens.Ingest.Profiles;

namespace SupportLens.Ingest.Validation;

/// <summary>
/// Turns the text fields of one record into typed staged values, or says what is wrong with them: required fields,
/// types, enums, ranges and the time order of a kind. Checks that need the whole file or the database (duplicate
/// ids, unknown clients) run in SQL after staging.
/// </summary>
internal sealed partial class RowValidator
{
    private readonly KindSchema _schema;
    private readonly IReadOnlyList<string> _columnNames;
    private readonly IReadOnlyList<FieldRule> _rules;
    private readonly TimestampParser _time;
    private readonly int[] _orderedFields;
    private readonly VolumeIntervals? _intervals;

    /// <param name="columnNames">Per field, the column of the file it came from (errors name what the user sees).</param>
    public RowValidator(KindSchema schema, IReadOnlyList<string> columnNames, IReadOnlyList<FieldRule> rules, TimestampParser time)
    {
        _schema = schema;
        _columnNames = columnNames;
        _rules = rules;
        _time = time;
        Derived = new bool[schema.Fields.Count];
        _intervals = schema.Kind == IngestKind.Volume ? new VolumeIntervals(schema, time, rules[schema.FieldIndex["interval_start"]]) : null;
        // A timestamp given as minutes after another one must be read after it.
        _orderedFields = Enumerable.Range(0, schema.Fields.Count)
            .OrderBy(i => rules[i].OffsetFrom is null ? 0 : 1)
            .ToArray();
    }

    public StageRow? Validate(long line, string?[] fields, List<RowError> errors)
    {
        var parsed = new object?[_schema.Fields.Count];
        var before = errors.Count;
        List<string>? clients = null;
        List<string>? components = null;
        foreach (var i in _orderedFields)
        {
            var spec = _schema.Fields[i];
            var text = Clean(fields[i]) ?? spec.Default;
            if (text is null)
            {
                if (spec.Required && (spec.RequiredUnless is null || Clean(fields[_schema.FieldIndex[spec.RequiredUnless]]) is null))
                {
                    errors.Add(RowError.Of(line, _columnNames[i], null, $"{spec.Name} is required"));
                }
                continue;
            }
            if (spec.Type == FieldType.NameList)
            {
                components = text.Split(ListSeparators(text, ';'), StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
                parsed[i] = components.Count == 0 ? null : components[0];
                continue;
            }
            if (spec.Type != FieldType.ClientList && text.Contains(JsonFlattener.ListSeparator, StringComparison.Ordinal))
            {
                // A JSON list where one value is expected reads as its elements joined with ;.
                text = text.Replace(JsonFlattener.ListSeparator, ';');
            }
            var problem = Parse(spec, _rules[i], text, parsed, i, ref clients);
            if (problem is not null)
            {
                errors.Add(RowError.Of(line, _columnNames[i], text, problem));
            }
        }
        if (errors.Count > before)
        {
            return null;
        }
        foreach (var (earlier, later) in _schema.TimeOrder)
        {
            var e = _schema.FieldIndex[earlier];
            var l = _schema.FieldIndex[later];
            if (parsed[e] is IComparable a && parsed[l] is { } b && a.CompareTo(b) > 0)
            {
                errors.Add(RowError.Of(line, _columnNames[l], Clean(fields[l]), $"{later} is before {earlier} ({Show(b)} < {Show(parsed[e]!)})"));
            }
        }
        if (errors.Count > before)
        {
            return null;
        }
        if (_schema.DoneTimes.Count > 0 && DoneTimeProblem(parsed) is { } undone)
        {
            var status = _schema.FieldIndex["status"];
            errors.Add(RowError.Of(line, _columnNames[status], Clean(fields[status]), undone));
            return null;
        }
        if (_intervals?.Check(parsed, fields) is { } interval)
        {
            var at = _schema.FieldIndex[interval.Field];
            errors.Add(RowError.Of(line, _columnNames[at], Clean(fields[at]), interval.Reason));
            return null;
        }
        var values = new object?[_schema.Columns.Count];
        var c = 0;
        for (var i = 0; i < _schema.Fields.Count; i++)
        {
            switch (_schema.Fields[i].Type)
            {
                case FieldType.CsatScore:
                    var (score, good) = ((byte?, bool))parsed[i]!;
                    values[c++] = score;
                    values[c++] = good;
                    break;
                case FieldType.ClientList:
                    values[c++] = parsed[i] is null ? false : clients is null;
                    break;
                default:
                    values[c++] = parsed[i];
                    break;
            }
        }
        return new StageRow(line, values, clients) { Components = components is { Count: > 0 } ? components : null };
    }

    /// <summary>Per field, whether some row took its value from another field (a done time from updated_at).</summary>
    public bool[] Derived { get; }

    /// <summary>Fills a done row's missing done time from updated_at; says why the row cannot load when it has no time at all.</summary>
    private string? DoneTimeProblem(object?[] parsed)
    {
        if (parsed[_schema.FieldIndex["status"]] is not string status)
        {
            return null;
        }
        foreach (var (done, field) in _schema.DoneTimes)
        {
            var i = _schema.FieldIndex[field];
            if (done != status || parsed[i] is not null)
            {
                continue;
            }
            if (parsed[_schema.FieldIndex["updated_at"]] is DateTime updated)
            {
                parsed[i] = updated;
                Derived[i] = true;
                return null;
            }
            if (_schema.DoneTimes.Any(d => parsed[_schema.FieldIndex[d.Field]] is not null))
            {
                return null;
            }
            return $"status is {status} but {field} is empty and there is no updated_at to take it from: " +
                   "a done ticket without the time it was done would count as open";
        }
        return null;
    }

    private string? Parse(FieldSpec spec, FieldRule rule, string text, object?[] parsed, int i, ref List<string>? clients)
    {
        switch (spec.Type)
        {
            case FieldType.Text:
                if (text.Contains('+', StringComparison.Ordinal) && spec.Name.EndsWith("_id", StringComparison.Ordinal) && ShortenedNumber().IsMatch(text))
                {
                    return $"{spec.Name} '{text.Trim()}' is a number a spreadsheet shortened to scientific notation: its digits are lost; " +
                           "export the file again, or format the column as text before saving it";
                }
                parsed[i] = text;
                return null;
            case FieldType.Enum:
                var normal = text.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
                if (!spec.Values.Contains(normal))
                {
                    return $"{spec.Name} must be one of {string.Join("|", spec.Values)}";
                }
                parsed[i] = normal;
                return null;
            case FieldType.Timestamp when rule.OffsetFrom is not null:
                if (NumberText.Read(text, whole: false, out _) is not { } after || (double)after is var amount && amount < 0)
                {
                    return $"{spec.Name} must be a non-negative number (of {(rule.OffsetSeconds == 3600 ? "hours" : "minutes")} after {rule.OffsetFrom})";
                }
                if (parsed[_schema.FieldIndex[rule.OffsetFrom]] is DateTime origin)
                {
                    // Compared in seconds first: a runaway duration must be a quarantined row, not a DateTime overflow.
                    var later = amount * rule.OffsetSeconds;
                    if (later >= (Plausible.End - origin).TotalSeconds)
                    {
                        return $"{spec.Name} is implausible: {text.Trim()} {(rule.OffsetSeconds == 3600 ? "hours" : "minutes")} after {rule.OffsetFrom} is past 2099-12-31";
                    }
                    parsed[i] = origin.AddSeconds(later);
                }
                return null;
            case FieldType.Timestamp:
                if (!_time.TryParse(text, rule.Format, out var utc))
                {
                    return rule.Format is null
                        ? $"{spec.Name} must be an ISO-8601 timestamp (e.g. 2024-03-01T09:30:00Z, or naive in {_time.Zone.Id})" +
                          (TimeFormatHint.For(text) is { } hint ? $"; to read times like '{text.Trim()}', map the column in a mapping file with \"format\": \"{hint}\"" : "")
                        : $"{spec.Name} does not match the format {rule.Format}";
                }
                if (utc < Plausible.First || utc >= Plausible.End)
                {
                    return $"{spec.Name} is implausible: a time {Plausible.Range}";
                }
                parsed[i] = utc;
                return null;
            case FieldType.Date:
                if (!TimestampParser.TryParseDate(text, rule.Format, out var date))
                {
                    return $"{spec.Name} must be a date ({rule.Format ?? "yyyy-MM-dd"})";
                }
                if (date < DateOnly.FromDateTime(Plausible.First) || date >= DateOnly.FromDateTime(Plausible.End))
                {
                    return $"{spec.Name} is implausible: a date {Plausible.Range}";
                }
                parsed[i] = date;
                return null;
            case FieldType.Integer:
                if (NumberText.Read(text, whole: true, out var ambiguous) is not { } number)
                {
                    return ambiguous is null ? $"{spec.Name} must be a whole number" : $"{spec.Name} '{text.Trim()}' {ambiguous}";
                }
                if (number < spec.Min || number > spec.Max)
                {
                    return $"{spec.Name} must be between {spec.Min} and {spec.Max}";
                }
                parsed[i] = (long)number;
                return null;
            case FieldType.Decimal:
                // Money comes with its currency sign ("€1,200.00", "1.200,00 €").
                if (NumberText.Read(text.Trim().Trim(CurrencySigns), whole: false, out var unclear) is not { } money || Math.Abs(money) >= 1e12m)
                {
                    return unclear is null ? $"{spec.Name} must be a number (with . or , as the decimal point)" : $"{spec.Name} '{text.Trim()}' {unclear}";
                }
                if (money < spec.Min)
                {
                    return $"{spec.Name} must not be negative";
                }
                parsed[i] = Math.Round(money, 2);
                return null;
            case FieldType.Double when rule.Format is not null && Durations.IsFormat(rule.Format):
                if (Durations.Seconds(text, rule.Format) is not { } seconds)
                {
                    return $"{spec.Name} does not match the duration format {rule.Format}";
                }
                parsed[i] = seconds;
                return null;
            case FieldType.Double:
                // Exports write percentages with their sign ("85.7%").
                var decimalText = spec.Name.EndsWith("_pct", StringComparison.Ordinal) ? text.Trim().TrimEnd('%') : text;
                if (NumberText.Read(decimalText, whole: false, out var vague) is not { } exact)
                {
                    return vague is null ? $"{spec.Name} must be a number (with . or , as the decimal point)" : $"{spec.Name} '{text.Trim()}' {vague}";
                }
                var real = (double)exact;
                if (spec.Max != long.MaxValue && (real < spec.Min || real > spec.Max))
                {
                    return $"{spec.Name} must be between {spec.Min} and {spec.Max}";
                }
                if (real < spec.Min)
                {
                    return $"{spec.Name} must not be negative";
                }
                parsed[i] = real;
                return null;
            case FieldType.Boolean:
                if (ParseBoolean(text) is not { } flag)
                {
                    return $"{spec.Name} must be true or false";
                }
                parsed[i] = flag;
                return null;
            case FieldType.CsatScore:
                if (CsatVerdict(text) is { } verdict)
                {
                    parsed[i] = ((byte?)null, verdict);
                    return null;
                }
                var rating = NumberText.Read(text, whole: true, out _);
                if (rating is not { } stars || stars is < 1 or > 5)
                {
                    return rating is >= 6 and <= 10
                        ? $"{CsatScale}: {text.Trim()} looks like a 1-10 (or 0-10) scale, which has no agreed line between good and bad; map it to 1..5 or good|bad with a mapping file's \"values\""
                        : CsatScale;
                }
                // DESIGN.md §4: on 1-5, 4 and 5 are good.
                parsed[i] = ((byte?)stars, stars >= 4);
                return null;
            case FieldType.ClientList:
                var trimmed = text.Trim();
                parsed[i] = trimmed;
                if (trimmed != "*")
                {
                    clients = trimmed.Split(ListSeparators(trimmed, ';', ','), StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Distinct(StringComparer.Ordinal).ToList();
                    if (clients.Count == 0)
                    {
                        return "affected_clients must be * or client ids separated by ;";
                    }
                }
                return null;
            default:
                throw new ArgumentOutOfRangeException(nameof(spec));
        }
    }

    /// <summary>How Excel writes a long number it cannot show whole (6.70013E+10): an id read back from it is another id.</summary>
    [GeneratedRegex(@"^\s*[0-9](\.[0-9]+)?[eE]\+[0-9]+\s*$")]
    private static partial Regex ShortenedNumber();

    private const string CsatScale = "score must be 1..5, good|bad or thumbs up|down";

    /// <summary>Good (true) or bad (false) for a verdict rather than stars: good/bad (Zendesk's "_with_comment" too) and thumbs, as words or emoji.</summary>
    private static bool? CsatVerdict(string text)
    {
        var t = text.Trim();
        // An emoji thumb may carry a skin tone after it.
        if (t.StartsWith("\U0001F44D", StringComparison.Ordinal))
        {
            return true;
        }
        if (t.StartsWith("\U0001F44E", StringComparison.Ordinal))
        {
            return false;
        }
        return t.ToLowerInvariant().Replace(' ', '_').Replace('-', '_') switch
        {
            "good" or "good_with_comment" or "thumbs_up" or "thumbsup" => true,
            "bad" or "bad_with_comment" or "thumbs_down" or "thumbsdown" => false,
            _ => null,
        };
    }

    internal static bool? ParseBoolean(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "t" or "yes" or "y" or "1" => true,
        "false" or "f" or "no" or "n" or "0" => false,
        _ => null,
    };

    /// <summary>
    /// Times a support export can hold. Outside them are placeholders that exports write for "no time" (DateTime's
    /// 0001-01-01, Excel's day zero 1899-12-30, the Unix epoch 1970-01-01, "never" as 9999-12-31): taken as times, one
    /// of them would stretch every daily series and SLA clock over centuries.
    /// </summary>
    private static class Plausible
    {
        public static readonly DateTime First = new(1970, 1, 2, 0, 0, 0, DateTimeKind.Utc);

        public static readonly DateTime End = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public const string Range = "must fall between 1970-01-02 and 2099-12-31 (0001-01-01, 1899-12-30, 1970-01-01 and 9999-12-31 are placeholders exports write for no time)";
    }

    private static readonly char[] CurrencySigns = ['$', '€', '£', '¥', ' ', '\u00A0'];

    /// <summary>A JSON list splits on its elements only; text splits on the separators a CSV cell uses.</summary>
    private static char[] ListSeparators(string text, params char[] textSeparators) =>
        text.Contains(JsonFlattener.ListSeparator, StringComparison.Ordinal) ? [JsonFlattener.ListSeparator] : textSeparators;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string Show(object value) => value switch
    {
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
