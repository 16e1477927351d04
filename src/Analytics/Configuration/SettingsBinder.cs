using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using SupportLens.Analytics.Sla;
using SupportLens.Analytics.Incidents;

namespace SupportLens.Analytics.Configuration;

/// <summary>
/// Turns a <see cref="SettingsDocument"/> into <see cref="SupportLensSettings"/>, collecting every problem with its key
/// path (tiers.business.first_response: ...) so that one run of a broken file shows them all.
/// </summary>
internal sealed partial class SettingsBinder
{
    private readonly List<string> _errors = [];

    public static SupportLensSettings Bind(SettingsDocument document, string source)
    {
        var binder = new SettingsBinder();
        var settings = binder.BindDocument(document);
        return binder._errors.Count == 0 && settings is not null ? settings : throw new SettingsException(source, binder._errors);
    }

    private SupportLensSettings? BindDocument(SettingsDocument doc)
    {
        var reportingZone = Zone("reporting_time_zone", doc.ReportingTimeZone);
        var holidaySets = Required("holidays", doc.Holidays) is { } holidays
            ? holidays.Select(kv => (kv.Key, Set: BindHolidaySet($"holidays.{kv.Key}", kv.Key, kv.Value)))
                .Where(x => x.Set is not null).ToImmutableDictionary(x => x.Key, x => x.Set!)
            : ImmutableDictionary<string, HolidaySet>.Empty;
        var calendars = ImmutableDictionary<string, BusinessCalendar>.Empty;
        if (Required("calendars", doc.Calendars) is { } calendarDocs)
        {
            calendars = calendarDocs.Select(kv => (kv.Key, Calendar: BindCalendar($"calendars.{kv.Key}", kv.Key, kv.Value, holidaySets, doc.Holidays)))
                .Where(x => x.Calendar is not null).ToImmutableDictionary(x => x.Key, x => x.Calendar!);
        }

        var calendarsDefined = doc.Calendars?.Keys ?? Enumerable.Empty<string>();
        var policies = new List<SlaPolicy>();
        var tierTargets = ImmutableDictionary.CreateBuilder<SupportTier, TierQualityTargets>();
        if (Required("tiers", doc.Tiers) is { } tiers)
        {
            foreach (var (key, tierDoc) in tiers)
            {
                if (!TryParseEnum<SupportTier>(key, out var tier))
                {
                    Error($"tiers.{key}", $"unknown tier; tiers are {Names<SupportTier>()}");
                    continue;
                }

                var bound = BindTier($"tiers.{key}", tier, tierDoc, calendars, calendarsDefined);
                if (bound is { } b)
                {
                    policies.Add(b.Policy);
                    tierTargets[tier] = b.Quality;
                }
            }

            foreach (var missing in Enum.GetValues<SupportTier>().Where(t => !tiers.ContainsKey(Name(t))))
            {
                Error($"tiers.{Name(missing)}", "required");
            }
        }

        var targets = BindTargets("targets", doc.Targets, tierTargets.ToImmutable());
        var health = HealthSection.Bind(doc.Health, _errors);
        var risk = RiskSection.Bind(doc.Risk, _errors);
        var forecast = BindForecast("forecast", doc.Forecast, holidaySets);
        var capacity = BindCapacity("capacity", doc.Capacity);
        var jobs = BindJobs("jobs", doc.Jobs);
        if (_errors.Count > 0 || reportingZone is null || targets is null || health is null || risk is null || forecast is null || capacity is null
            || jobs is null)
        {
            return null;
        }

        return new SupportLensSettings(doc, reportingZone, holidaySets, calendars, new SlaPolicySet(policies), targets, jobs)
        {
            Forecast = forecast,
            Capacity = capacity,
            Health = health,
            Risk = risk,
        };
    }

    private HolidaySet? BindHolidaySet(string path, string name, HolidaySetDocument? doc)
    {
        if (Required(path, doc) is not { } set)
        {
            return null;
        }

        var ok = true;
        var rules = set.Rules ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            if (!HolidaySet.KnownRuleNames.Contains(rules[i]))
            {
                ok = Error($"{path}.rules[{i}]", $"unknown holiday rule \"{rules[i]}\"; known: {string.Join(", ", HolidaySet.KnownRuleNames)}");
            }
        }

        var dates = new List<Holiday>();
        var dateTexts = set.Dates ?? [];
        for (var i = 0; i < dateTexts.Count; i++)
        {
            var text = dateTexts[i];
            var parts = text.Split("..");
            var first = parts.Length is 1 or 2 ? LocalDatePattern.Iso.Parse(parts[0]) : null;
            var last = parts.Length == 2 ? LocalDatePattern.Iso.Parse(parts[1]) : first;
            if (first is not { Success: true } || last is not { Success: true })
            {
                ok = Error($"{path}.dates[{i}]", $"\"{text}\" is not a date like \"2026-12-24\" or a range like \"2026-12-24..2026-12-31\"");
            }
            else if (last.Value < first.Value)
            {
                ok = Error($"{path}.dates[{i}]", $"\"{text}\": end before start");
            }
            else
            {
                for (var d = first.Value; d <= last.Value; d = d.PlusDays(1))
                {
                    dates.Add(new Holiday(d, name));
                }
            }
        }

        return ok ? new HolidaySet(name, rules, dates) : null;
    }

    private BusinessCalendar? BindCalendar(
        string path, string name, CalendarDocument? doc, ImmutableDictionary<string, HolidaySet> holidaySets,
        Dictionary<string, HolidaySetDocument>? holidays)
    {
        if (Required(path, doc) is not { } calendar)
        {
            return null;
        }

        var zone = Zone($"{path}.time_zone", calendar.TimeZone);
        var hours = new List<OpeningHours>();
        var ok = true;
        if (Required($"{path}.hours", calendar.Hours) is { } hourDocs)
        {
            foreach (var (dayKey, ranges) in hourDocs)
            {
                var days = HoursText.ParseDays(dayKey);
                if (days is null)
                {
                    ok = Error($"{path}.hours.{dayKey}", $"unknown day key; use {HoursText.KnownDayKeys}");
                    continue;
                }

                for (var i = 0; i < (ranges ?? []).Count; i++)
                {
                    if (!HoursText.TryParseRange(ranges![i], out var opens, out var closes, out var error))
                    {
                        ok = Error($"{path}.hours.{dayKey}[{i}]", error);
                        continue;
                    }

                    hours.AddRange(days.Select(d => new OpeningHours(d, opens, closes)));
                }
            }

            if (hours.Count == 0 && ok)
            {
                ok = Error($"{path}.hours", "no opening hours; a calendar must be open some time");
            }
        }

        var sets = new List<HolidaySet>();
        var names = calendar.Holidays ?? [];
        for (var i = 0; i < names.Count; i++)
        {
            if (holidaySets.TryGetValue(names[i], out var set))
            {
                sets.Add(set);
            }
            else if (holidays?.ContainsKey(names[i]) != true)
            {
                var defined = holidays is { Count: > 0 } ? string.Join(", ", holidays.Keys) : "none";
                ok = Error($"{path}.holidays[{i}]", $"unknown holiday set \"{names[i]}\"; defined: {defined}");
            }
        }

        if (!ok || zone is null || calendar.Hours is null)
        {
            return null;
        }

        return new BusinessCalendar(name, zone, hours, Union(sets));
    }

    private (SlaPolicy Policy, TierQualityTargets Quality)? BindTier(
        string path, SupportTier tier, TierDocument? doc, ImmutableDictionary<string, BusinessCalendar> calendars,
        IEnumerable<string> calendarsDefined)
    {
        if (Required(path, doc) is not { } t)
        {
            return null;
        }

        var calendar = CalendarRef($"{path}.calendar", t.Calendar, required: true, calendars, calendarsDefined);
        var firstResponse = Target($"{path}.first_response", t.FirstResponse, required: true);
        var resolution = Target($"{path}.resolution", t.Resolution, required: true);
        var csat = Percent($"{path}.csat_pct", t.CsatPct);
        var fcr = Percent($"{path}.fcr_pct", t.FcrPct);
        var overrides = ImmutableDictionary.CreateBuilder<TicketPriority, SlaTargetOverride>();
        foreach (var (key, p) in t.Priorities ?? [])
        {
            var priorityPath = $"{path}.priorities.{key}";
            if (!TryParseEnum<TicketPriority>(key, out var priority))
            {
                Error(priorityPath, $"unknown priority; priorities are {Names<TicketPriority>()}");
                continue;
            }

            if (Required(priorityPath, p) is { } o)
            {
                overrides[priority] = new SlaTargetOverride(
                    Target($"{priorityPath}.first_response", o.FirstResponse, required: false),
                    Target($"{priorityPath}.resolution", o.Resolution, required: false),
                    CalendarRef($"{priorityPath}.calendar", o.Calendar, required: false, calendars, calendarsDefined));
            }
        }

        if (calendar is null || firstResponse is null || resolution is null || csat is null || fcr is null)
        {
            return null;
        }

        var policy = new SlaPolicy(tier, new SlaTargets(firstResponse.Value, resolution.Value, calendar))
        {
            PriorityOverrides = overrides.ToImmutable(),
        };
        return (policy, new TierQualityTargets(csat.Value, fcr.Value));
    }

    private QualityTargets? BindTargets(string path, TargetsDocument? doc, ImmutableDictionary<SupportTier, TierQualityTargets> tiers)
    {
        if (Required(path, doc) is not { } t)
        {
            return null;
        }

        var sla = Percent($"{path}.sla_compliance_pct", t.SlaCompliancePct);
        var escalation = Percent($"{path}.escalation_rate_max_pct", t.EscalationRateMaxPct);
        var nps = Number($"{path}.nps_min", t.NpsMin, -100, 100);
        var health = Number($"{path}.health_average_min", t.HealthAverageMin, 0, 100);
        var retention = Percent($"{path}.retention_pct", t.RetentionPct);
        var availability = Percent($"{path}.availability_pct", t.AvailabilityPct);
        var apiP95 = Number($"{path}.api_p95_ms", t.ApiP95Ms, 0.001, 3_600_000);
        var incidents = new Dictionary<int, IncidentTargets>();
        if (Required($"{path}.incidents", t.Incidents) is { } incidentDocs)
        {
            foreach (var (key, i) in incidentDocs)
            {
                var incidentPath = $"{path}.incidents.{key}";
                if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var severity) || severity < 1)
                {
                    Error(incidentPath, "severity keys are whole numbers from 1 (most critical)");
                    continue;
                }

                if (Required(incidentPath, i) is not { } incident)
                {
                    continue;
                }

                var initial = Target($"{incidentPath}.initial_response", incident.InitialResponse, required: true);
                var communication = Target($"{incidentPath}.client_communication", incident.ClientCommunication, required: false);
                var resolution = Target($"{incidentPath}.resolution", incident.Resolution, required: true);
                if (initial is { } a && resolution is { } r)
                {
                    incidents[severity] = new IncidentTargets(a, communication, r);
                }
            }

            if (incidentDocs.Count == 0)
            {
                Error($"{path}.incidents", "at least one severity needs targets");
            }
        }

        if (sla is null || escalation is null || nps is null || health is null || retention is null || availability is null
            || apiP95 is null || incidents.Count == 0)
        {
            return null;
        }

        return new QualityTargets(tiers, sla.Value, escalation.Value, nps.Value, health.Value, retention.Value, availability.Value,
            Duration.FromNanoseconds((long)Math.Round(apiP95.Value * NodaConstants.NanosecondsPerMillisecond)), new IncidentTargetSet(incidents));
    }

    private BusinessCalendar? CalendarRef(
        string path, string? name, bool required, ImmutableDictionary<string, BusinessCalendar> calendars, IEnumerable<string> defined)
    {
        if (name is null)
        {
            if (required)
            {
                Error(path, "required");
            }

            return null;
        }

        if (calendars.TryGetValue(name, out var calendar))
        {
            return calendar;
        }

        // A calendar that is defined but broken already has its own error; don't add a second one here.
        if (!defined.Contains(name))
        {
            Error(path, $"unknown calendar \"{name}\"; defined: {string.Join(", ", defined)}");
        }

        return null;
    }

    private Duration? Target(string path, string? text, bool required)
    {
        if (text is null)
        {
            if (required)
            {
                Error(path, "required");
            }

            return null;
        }

        if (!DurationText.TryParse(text, out var duration))
        {
            Error(path, $"\"{text}\" is not a duration like \"2h\" or \"90m\"");
            return null;
        }

        if (duration <= Duration.Zero)
        {
            Error(path, $"\"{text}\": a target must be more than zero");
            return null;
        }

        return duration;
    }

    private DateTimeZone? Zone(string path, string? id)
    {
        if (Required(path, id) is not { } zoneId)
        {
            return null;
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
        if (zone is null)
        {
            Error(path, $"unknown time zone \"{zoneId}\"; use an IANA id like \"America/New_York\" or \"UTC\"");
        }

        return zone;
    }

    private double? Percent(string path, double? value) => Number(path, value, 0, 100);

    private double? Number(string path, double? value, double min, double max)
    {
        if (Required(path, value) is not { } v)
        {
            return null;
        }

        if (v < min || v > max)
        {
            Error(path, string.Create(CultureInfo.InvariantCulture, $"{v} is outside {min}..{max}"));
            return null;
        }

        return v;
    }

    private T? Required<T>(string path, T? value)
        where T : class
    {
        if (value is null)
        {
            Error(path, "required");
        }

        return value;
    }

    private T? Required<T>(string path, T? value)
        where T : struct
    {
        if (value is null)
        {
            Error(path, "required");
        }

        return value;
    }

    /// <summary>Records an error; returns false so callers can write <c>ok = Error(...)</c>.</summary>
    private bool Error(string path, string message)
    {
        _errors.Add($"{path}: {message}");
        return false;
    }

    private static HolidaySet Union(List<HolidaySet> sets) => sets.Count switch
    {
        0 => HolidaySet.None,
        1 => sets[0],
        _ => new HolidaySet(string.Join("+", sets.Select(s => s.Name)), sets.SelectMany(s => s.Rules).Distinct(), sets.SelectMany(s => s.Dates)),
    };

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string Names<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(Name));

    private static bool TryParseEnum<T>(string key, out T value)
        where T : struct, Enum
    {
        value = Enum.GetValues<T>().FirstOrDefault(v => Name(v) == key);
        return Name(value) == key;
    }
}
