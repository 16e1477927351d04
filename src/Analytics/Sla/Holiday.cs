using NodaTime;

namespace SupportLens.Analytics.Sla;

/// <summary>A local date on which a calendar is closed all day.</summary>
public sealed record Holiday(LocalDate Date, string Name);
