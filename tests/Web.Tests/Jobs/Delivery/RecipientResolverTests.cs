using System.Collections.Immutable;
using SupportLens.Analytics.Clients;
using SupportLens.Analytics.Configuration.Jobs;
using SupportLens.Web.Delivery;

namespace SupportLens.Web.Tests.Jobs.Delivery;

public class RecipientResolverTests
{
    private static readonly RecipientLists Lists = new(
        ["ceo@example.com"], ["qa@example.com", "QA-Lead@example.com"],
        ImmutableDictionary.CreateRange(StringComparer.OrdinalIgnoreCase, [KeyValuePair.Create("Sofia Marquez", "sofia@example.com")]));

    private static readonly UserContacts Users = new(
    [
        new UserContact("Ana", "CEO@Example.com", "executive", []),
        new UserContact("Ben", "ben@example.com", "executive", []),
        new UserContact("Sofia Marquez", "sofia.m@example.com", "success-manager", []),
        new UserContact("sofia marquez", "sofia.exec@example.com", "executive", []),
        new UserContact("Raj", "raj@example.com", "success-manager", ["C-001"]),
        new UserContact("Pat", "pat@example.com", "planner", ["C-001"]),
        new UserContact("Nobody", "not-an-address", "executive", []),
    ]);

    private readonly RecipientResolver _resolver = new(Users, Lists);

    [Fact]
    public void Executives_are_the_configured_list_and_executive_users_each_once_lower_cased() =>
        Assert.Equal(["ben@example.com", "ceo@example.com", "sofia.exec@example.com"], _resolver.Executives());

    [Fact]
    public void The_quality_team_is_the_configured_list() => Assert.Equal(["qa-lead@example.com", "qa@example.com"], _resolver.QualityTeam());

    [Fact]
    public void A_clients_success_manager_is_found_by_the_name_the_export_gives_and_by_assignment()
    {
        var client = Client("C-001", " sofia marquez ");
        // The configured address for the name, the success manager of that name, and the one given the client; not the planner.
        Assert.Equal(["raj@example.com", "sofia.m@example.com", "sofia@example.com"], _resolver.SuccessManager(client));
        Assert.Empty(_resolver.SuccessManager(Client("C-002", null)));
    }

    [Fact]
    public void Clients_are_active_from_their_contract_start_until_the_day_they_churn()
    {
        var client = Client("C-003", null) with { ContractStart = new DateOnly(2026, 3, 10), ChurnedOn = new DateOnly(2026, 10, 31) };
        Assert.Equal([false, true, true, false], new[] { new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 10), new DateOnly(2026, 10, 30), new DateOnly(2026, 10, 31) }
            .Select(client.IsActiveOn));
    }

    private static ClientInfo Client(string id, string? manager) => new(id, "Client " + id, "starter", null, null, manager, null, null, null, null);

    private sealed class UserContacts(IReadOnlyList<UserContact> users) : IUserContacts
    {
        public IReadOnlyList<UserContact> UsersWithEmail() => users;
    }
}
