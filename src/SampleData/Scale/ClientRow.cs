namespace SupportLens.SampleData.Scale;

/// <summary>A row of the generic `clients` file (DESIGN.md §3), as `clients.csv` holds it.</summary>
public sealed record ClientRow(
    string ClientId,
    string Name,
    string Tier,
    string TimeZone,
    string Region,
    string SuccessManager,
    DateOnly ContractStart,
    DateOnly RenewalDate,
    decimal Mrr,
    DateOnly? ChurnedOn);
